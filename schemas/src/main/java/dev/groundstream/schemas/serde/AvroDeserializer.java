package dev.groundstream.schemas.serde;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.AvroClassTrust;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.registry.client.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro. The writer schema comes from the registry by id (cached); the
 * reader schema is the target class's when one is given, else the generated class named like the
 * writer schema if it is on the class path, else the writer schema (GenericRecord). Schema
 * resolution makes records written with an older compatible schema readable.
 *
 * <p>Errors name the topic and schema id; the Kafka consumer adds partition and offset (its
 * {@code RecordDeserializationException}), which is where dead-letter routing picks them up.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
  static {
    AvroClassTrust.install();
  }

  private SchemaRegistryClient registry;
  private Schema readerSchema;
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  /** For Kafka's reflective instantiation; {@link #configure} must follow. */
  public AvroDeserializer() {}

  /** Reads into {@code readerSchema}; null reads with the writer's own (generated) schema. */
  public AvroDeserializer(SchemaRegistryClient registry, Schema readerSchema) {
    this.registry = registry;
    this.readerSchema = readerSchema;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.registry = SchemaRegistryClients.shared(RegistryConnection.fromConfig(configs));
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return data == null ? null : deserialize(topic, ByteBuffer.wrap(data));
  }

  @Override
  public T deserialize(String topic, Headers headers, ByteBuffer data) {
    return data == null ? null : deserialize(topic, data.duplicate());
  }

  private T deserialize(String topic, ByteBuffer buffer) {
    if (registry == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    int id = WireFormat.readSchemaId(buffer, topic);
    DatumReader<T> reader = readers.computeIfAbsent(id, i -> readerFor(topic, i));
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(buffer.array(),
          buffer.arrayOffset() + buffer.position(), buffer.remaining(), decoders.get());
      decoders.set(decoder);
      return reader.read(null, decoder);
    } catch (Exception e) {
      throw new SerializationException("Cannot decode Avro record on topic '" + topic
          + "' written with schema id " + id + ": " + e, e);
    }
  }

  private DatumReader<T> readerFor(String topic, int id) {
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Record on topic '" + topic + "' refers to schema id " + id
          + " which the registry cannot provide: " + e.getMessage(), e);
    }
    Schema reader = readerSchema != null ? readerSchema : generatedSchemaOrWriter(writer);
    return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
  }

  private static Schema generatedSchemaOrWriter(Schema writer) {
    Class<?> generated = SpecificData.get().getClass(writer);
    return generated == null ? writer : SpecificData.get().getSchema(generated);
  }
}
