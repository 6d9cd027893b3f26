package dev.groundstream.eval.streams;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * registry keys of {@link RegistryConnection#fromConfig}).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  /** Set by the service so dead letters show in its Prometheus counters; optional. */
  public static final String COUNTERS_CONFIG = "groundstream.eval.counters";

  private AvroSerde<DeadLetterKey> keySerde;
  private AvroSerde<DeadLetter> valueSerde;
  private EvalCounters counters;

  @Override
  public void configure(Map<String, ?> configs) {
    RegistryConnection registry = RegistryConnection.fromConfig(configs);
    keySerde = AvroSerde.of(registry, DeadLetterKey.class, true);
    valueSerde = AvroSerde.of(registry, DeadLetter.class, false);
    Object configured = configs.get(COUNTERS_CONFIG);
    counters = configured instanceof EvalCounters c ? c : EvalCounters.discarding();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    counters.deserializationError();
    LOG.warn("Dead-lettering undeserializable record {}-{}@{}: {}", record.topic(), record.partition(),
        record.offset(), exception.toString());
    DeadLetter letter = DeadLetters.undeserializable(record.topic(), record.partition(), record.offset(),
        exception, record.value(), Instant.now());
    DeadLetterKey key = new DeadLetterKey(record.key() == null ? null : ByteBuffer.wrap(record.key()));
    byte[] keyBytes = keySerde.serializer().serialize(Topics.DLQ, key);
    byte[] valueBytes = valueSerde.serializer().serialize(Topics.DLQ, letter);
    return Response.resume(List.of(new ProducerRecord<>(Topics.DLQ, null, keyBytes, valueBytes)));
  }
}
