package dev.groundstream.sinks.converter;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.SubjectNames;
import dev.groundstream.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Connect converter for Confluent-framed Avro that talks to the registry through GroundStream's
 * own client, so the plugin works on a stock Apache Kafka worker where Confluent's converter is
 * absent. Records are decoded with their writer schema: a new schema version shows up as a new
 * Connect schema (which is how the JDBC sink notices added fields).
 */
public class AvroConverter implements Converter {
  /** Decoding without logical-type conversions keeps timestamps as longs, as AvroToConnect expects. */
  private static final GenericData RAW = new GenericData();

  private final AvroToConnect toConnect = new AvroToConnect();
  private final ConnectToAvro toAvro = new ConnectToAvro();
  /** Connect schemas this converter produced, mapped back to the exact Avro schema they came from. */
  private final Map<Schema, org.apache.avro.Schema> originals = new ConcurrentHashMap<>();
  private final Map<Integer, org.apache.avro.Schema> writerSchemas = new ConcurrentHashMap<>();
  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean autoRegister;

  public AvroConverter() {}

  /** For tests and embedding: a converter on an existing registry client. */
  public AvroConverter(SchemaRegistryClient registry, boolean isKey, boolean autoRegister) {
    this.registry = registry;
    this.isKey = isKey;
    this.autoRegister = autoRegister;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> plain = new HashMap<>(AvroConverterConfig.DEFINITION.parse(configs));
    plain.replaceAll((k, v) -> v instanceof Password p ? p.value()
        : v instanceof java.util.List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : v);
    RegistryConnection connection = RegistryConnection.fromConfig(plain);
    this.registry = SchemaRegistryClients.shared(connection);
    this.isKey = isKey;
    this.autoRegister = connection.autoRegister();
  }

  @Override
  public ConfigDef config() {
    return AvroConverterConfig.DEFINITION;
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(value);
      int id = WireFormat.readSchemaId(buffer, topic);
      org.apache.avro.Schema writer = writerSchemas.computeIfAbsent(id, registry::schemaById);
      Object datum = new GenericDatumReader<>(writer, writer, RAW).read(null, DecoderFactory.get()
          .binaryDecoder(value, buffer.position(), buffer.remaining(), null));
      Schema schema = toConnect.toConnectSchema(writer);
      originals.putIfAbsent(schema, writer);
      return new SchemaAndValue(schema, toConnect.toConnectValue(writer, schema, datum));
    } catch (DataException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw new DataException("Cannot convert " + (isKey ? "key" : "value") + " of a record on topic '"
          + topic + "' from Confluent-framed Avro: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (schema == null && value == null) {
      return null;
    }
    if (schema == null) {
      throw new DataException("The Avro converter needs a schema to write a value on topic '" + topic + "'");
    }
    org.apache.avro.Schema avro = originals.getOrDefault(schema, null);
    if (avro == null) {
      avro = toAvro.toAvroSchema(schema);
    }
    try {
      String subject = SubjectNames.of(topic, isKey);
      int id = autoRegister ? registry.register(subject, avro) : registry.lookupId(subject, avro);
      Object datum = toAvro.toAvroValue(schema, avro, value);
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      WireFormat.writeHeader(out, id);
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<>(avro, RAW).write(datum, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (DataException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw new DataException("Cannot convert a Connect " + (isKey ? "key" : "value") + " to Avro for topic '"
          + topic + "': " + e.getMessage(), e);
    }
  }
}
