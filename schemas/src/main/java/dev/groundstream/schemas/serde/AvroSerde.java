package dev.groundstream.schemas.serde;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams Serde for one generated Avro class, over the Confluent wire format. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  public AvroSerde(SchemaRegistryClient registry, Class<T> type, boolean isKey, boolean autoRegister) {
    this.serializer = new AvroSerializer<>(registry, isKey, autoRegister);
    this.deserializer = new AvroDeserializer<>(registry,
        org.apache.avro.specific.SpecificData.get().getSchema(type));
  }

  /** A serde for keys ({@code isKey}) or values of {@code type} using the shared registry client. */
  public static <T extends SpecificRecord> AvroSerde<T> of(
      RegistryConnection connection, Class<T> type, boolean isKey) {
    return new AvroSerde<>(SchemaRegistryClients.shared(connection), type, isKey, connection.autoRegister());
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Built fully configured; Kafka Streams may still call this, which is harmless.
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
