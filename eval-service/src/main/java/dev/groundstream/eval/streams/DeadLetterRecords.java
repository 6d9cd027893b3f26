package dev.groundstream.eval.streams;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Serialized grounding.dlq records for the Kafka Streams error handlers, which hand them back to
 * Streams to produce (so they commit with the input under exactly-once). Keyed by the failed
 * record's original key bytes, so one request's dead letters stay together.
 */
final class DeadLetterRecords {
  private final AvroSerde<DeadLetterKey> keySerde;
  private final AvroSerde<DeadLetter> valueSerde;

  DeadLetterRecords(Map<String, ?> streamsConfig) {
    RegistryConnection registry = RegistryConnection.fromConfig(streamsConfig);
    keySerde = Topics.DLQ_SPEC.keySerde(registry);
    valueSerde = Topics.DLQ_SPEC.valueSerde(registry);
  }

  ProducerRecord<byte[], byte[]> of(String topic, int partition, long offset, byte[] key, byte[] value,
      Exception error) {
    DeadLetter letter = DeadLetters.failedRecord(topic, partition, offset, error, value, Instant.now());
    DeadLetterKey letterKey = new DeadLetterKey(key == null ? null : ByteBuffer.wrap(key));
    return new ProducerRecord<>(Topics.DLQ, null, keySerde.serializer().serialize(Topics.DLQ, letterKey),
        valueSerde.serializer().serialize(Topics.DLQ, letter));
  }
}
