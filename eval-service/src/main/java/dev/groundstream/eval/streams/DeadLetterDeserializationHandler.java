package dev.groundstream.eval.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be deserialized becomes a DeadLetter on grounding.dlq (with its original key
 * and value bytes, for replay) and processing continues. The dead letter is handed back to Kafka
 * Streams (KIP-1034 response records), which produces it with its own producer, so under
 * exactly-once it commits atomically with the skipped offset.
 *
 * <p>Configured from the Streams properties: needs {@code schema.registry.url} (and the other
 * registry keys of {@link dev.groundstream.config.RegistryConnection#fromConfig}).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  /** Set by the service so dead letters show in its Prometheus counters; optional. */
  public static final String COUNTERS_CONFIG = "groundstream.eval.counters";

  private DeadLetterRecords deadLetters;
  private EvalCounters counters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = new DeadLetterRecords(configs);
    Object configured = configs.get(COUNTERS_CONFIG);
    counters = configured instanceof EvalCounters c ? c : EvalCounters.discarding();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    counters.deserializationError();
    LOG.warn("Dead-lettering undeserializable record {}-{}@{}: {}", record.topic(), record.partition(),
        record.offset(), exception.toString());
    return Response.resume(List.of(deadLetters.of(record.topic(), record.partition(), record.offset(),
        record.key(), record.value(), exception)));
  }
}
