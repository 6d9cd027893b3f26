package dev.groundstream.schemas;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.schemas.serde.AvroSerde;
import dev.groundstream.schemas.serde.AvroSerializer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic of the system: its name, partitions, topic configs and the Avro classes of its
 * key and value, so a service gets matching serdes from the topic instead of pairing them by hand.
 * Registry subjects follow Confluent's TopicNameStrategy.
 */
public record TopicSpec<K extends SpecificRecord, V extends SpecificRecord>(
    String name, int partitions, Map<String, String> configs, Class<K> keyClass, Class<V> valueClass) {

  public Schema keySchema() {
    return SpecificData.get().getSchema(keyClass);
  }

  public Schema valueSchema() {
    return SpecificData.get().getSchema(valueClass);
  }

  public String keySubject() {
    return name + "-key";
  }

  public String valueSubject() {
    return name + "-value";
  }

  /** The key serde of this topic over the shared registry client of {@code registry}. */
  public AvroSerde<K> keySerde(RegistryConnection registry) {
    return AvroSerde.of(registry, keyClass, true);
  }

  /** The value serde of this topic over the shared registry client of {@code registry}. */
  public AvroSerde<V> valueSerde(RegistryConnection registry) {
    return AvroSerde.of(registry, valueClass, false);
  }

  /** A key serializer for this topic over {@code registry} (register or only look up the schema). */
  public AvroSerializer<K> keySerializer(SchemaRegistryClient registry, boolean autoRegister) {
    return new AvroSerializer<>(registry, true, autoRegister);
  }

  /** A value serializer for this topic over {@code registry}. */
  public AvroSerializer<V> valueSerializer(SchemaRegistryClient registry, boolean autoRegister) {
    return new AvroSerializer<>(registry, false, autoRegister);
  }

  /** A value deserializer reading with this topic's value class as the reader schema. */
  public AvroDeserializer<V> valueDeserializer(SchemaRegistryClient registry) {
    return new AvroDeserializer<>(registry, valueSchema());
  }
}
