package dev.groundstream.eval.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class DeadLetterProcessingHandlerTest {

  @Test
  void anUnexpectedProcessingErrorBecomesADeadLetterAndProcessingResumes() {
    RegistryConnection registry = SharedKafka.registry();
    DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
    handler.configure(registry.serdeConfig());
    byte[] key = {1, 2};
    byte[] value = {3, 4, 5};

    var response = handler.handleError(new FailedRecordContext(key, value), new Record<>("k", "v", 0L),
        new IllegalStateException("evaluator bug"));

    assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
    var produced = response.deadLetterQueueRecords().get(0);
    assertEquals(Topics.DLQ, produced.topic());
    DeadLetter letter = AvroSerde.of(registry, DeadLetter.class, false).deserializer()
        .deserialize(Topics.DLQ, produced.value());
    DeadLetterKey letterKey = AvroSerde.of(registry, DeadLetterKey.class, true).deserializer()
        .deserialize(Topics.DLQ, produced.key());
    assertEquals("eval", letter.getStage());
    assertEquals(Topics.TRUTH, letter.getSourceTopic());
    assertEquals(4, letter.getSourcePartition());
    assertEquals(99L, letter.getSourceOffset());
    assertEquals(IllegalStateException.class.getName(), letter.getErrorClass());
    assertEquals("evaluator bug", letter.getMessage());
    assertEquals(ByteBuffer.wrap(value), letter.getOriginalValue());
    assertEquals(ByteBuffer.wrap(key), letterKey.getOriginalKey());
  }

  /** Where the failed record came from, as Kafka Streams describes it. */
  private record FailedRecordContext(byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
    @Override
    public String topic() {
      return Topics.TRUTH;
    }

    @Override
    public int partition() {
      return 4;
    }

    @Override
    public long offset() {
      return 99L;
    }

    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "result-truth-join";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 4);
    }

    @Override
    public long timestamp() {
      return 0L;
    }
  }
}
