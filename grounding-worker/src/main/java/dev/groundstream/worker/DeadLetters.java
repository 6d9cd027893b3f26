package dev.groundstream.worker;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.schemas.DeadLetterFactory;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds the grounding.dlq record for a request the worker could not ground. */
public final class DeadLetters {
  public static final String STAGE = "worker";

  private DeadLetters() {}

  public static DeadLetterKey key(ConsumerRecord<byte[], byte[]> record) {
    return new DeadLetterKey(record.key() == null ? null : ByteBuffer.wrap(record.key()));
  }

  public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, String step, Throwable error,
      GroundingRequest request, String modelId) {
    Map<String, String> attributes = new HashMap<>();
    attributes.put("step", step);
    attributes.put("model", modelId);
    if (request != null) {
      attributes.put("requestId", request.getRequestId().toString());
    }
    return DeadLetterFactory.failed(STAGE, record.topic(), record.partition(), record.offset(), error,
        record.value(), Instant.now(), attributes);
  }
}
