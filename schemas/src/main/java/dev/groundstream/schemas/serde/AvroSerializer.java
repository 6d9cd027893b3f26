package dev.groundstream.schemas.serde;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.AvroClassTrust;
import dev.groundstream.schemas.registry.client.RegisteredSchema;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.registry.client.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format. The schema id comes
 * from the registry under the TopicNameStrategy subject: registered on first use when
 * {@code auto.register.schemas=true} (local mode), otherwise looked up — or, with
 * {@code use.latest.version=true}, taken from the subject's latest version, which must equal the
 * record's schema. Ids are cached, so steady state makes no registry call.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
  static {
    AvroClassTrust.install();
  }

  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean autoRegister;
  private boolean useLatestVersion;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final Map<String, Integer> latestIds = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

  /** For Kafka's reflective instantiation; {@link #configure} must follow. */
  public AvroSerializer() {}

  public AvroSerializer(SchemaRegistryClient registry, boolean isKey, boolean autoRegister) {
    this.registry = registry;
    this.isKey = isKey;
    this.autoRegister = autoRegister;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    RegistryConnection connection = RegistryConnection.fromConfig(configs);
    this.registry = SchemaRegistryClients.shared(connection);
    this.isKey = isKey;
    this.autoRegister = connection.autoRegister();
    this.useLatestVersion =
        Boolean.parseBoolean(String.valueOf(configs.get(RegistryConnection.USE_LATEST_VERSION)));
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    Schema schema = record.getSchema();
    int id = schemaId(topic, schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    WireFormat.writeHeader(out, id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
      encoders.set(encoder);
      writers.computeIfAbsent(schema, AvroSerializer::writerFor).write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Cannot write " + schema.getFullName() + " to topic '" + topic
          + "' with schema id " + id + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private int schemaId(String topic, Schema schema) {
    String subject = SubjectNames.of(topic, isKey);
    try {
      if (autoRegister) {
        return registry.register(subject, schema);
      }
      if (useLatestVersion) {
        return latestIds.computeIfAbsent(subject, s -> latestMatching(s, schema));
      }
      return registry.lookupId(subject, schema);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("No schema id for " + schema.getFullName() + " in subject '"
          + subject + "' (auto.register.schemas=" + autoRegister + "): " + e.getMessage(), e);
    }
  }

  private int latestMatching(String subject, Schema schema) {
    RegisteredSchema latest = registry.latest(subject);
    if (!latest.schema().equals(schema)) {
      throw new SerializationException("Subject '" + subject + "' latest version " + latest.version()
          + " (id " + latest.id() + ") differs from this application's " + schema.getFullName()
          + ": deploy the registered schema first, or turn use.latest.version off");
    }
    return latest.id();
  }

  @SuppressWarnings("unchecked")
  private static DatumWriter<Object> writerFor(Schema schema) {
    // SpecificData also writes GenericRecords, so one writer type serves both.
    return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
  }
}
