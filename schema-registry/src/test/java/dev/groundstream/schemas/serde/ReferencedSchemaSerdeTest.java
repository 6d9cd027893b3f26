package dev.groundstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.client.RestSchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.server.BrokerAndRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SchemaReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A schema that uses a named type from another subject (Confluent schema references), registered
 * by Confluent's own Java client: our registry client and deserializer resolve the reference.
 */
class ReferencedSchemaSerdeTest {
  static final String ADDRESS = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"shared\","
      + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  static final String PERSON = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"people\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"home\",\"type\":\"shared.Address\"}]}";

  @RegisterExtension
  static final BrokerAndRegistry STACK = new BrokerAndRegistry();

  @Test
  void deserializerResolvesReferencesRegisteredByConfluentsClient() throws Exception {
    CachedSchemaRegistryClient confluent = new CachedSchemaRegistryClient(STACK.server().url(), 10);
    confluent.register("shared.Address", new AvroSchema(ADDRESS));
    AvroSchema person = new AvroSchema(PERSON,
        List.of(new SchemaReference("shared.Address", "shared.Address", 1)),
        Map.of("shared.Address", ADDRESS), null);
    int id = confluent.register("people-value", person);

    // Confluent's client reads it back with the reference resolved, from a fresh cache.
    AvroSchema fetched = (AvroSchema) new CachedSchemaRegistryClient(STACK.server().url(), 10)
        .getSchemaById(id);
    assertEquals("shared.Address",
        fetched.rawSchema().getField("home").schema().getFullName());

    SchemaRegistryClient ours = new RestSchemaRegistryClient(RegistryConnection.of(STACK.server().url()));
    Schema resolved = ours.schemaById(id);
    assertEquals(Schema.Type.RECORD, resolved.getField("home").schema().getType());
    assertEquals(resolved, ours.latest("people-value").schema());

    GenericRecord home = new GenericData.Record(resolved.getField("home").schema());
    home.put("street", "Rue Mouffetard");
    GenericRecord record = new GenericData.Record(resolved);
    record.put("name", "Ada");
    record.put("home", home);
    byte[] framed = frame(id, resolved, record);

    GenericRecord read = new AvroDeserializer<GenericRecord>(ours, null)
        .deserialize("people", framed);
    assertEquals("Rue Mouffetard", ((GenericRecord) read.get("home")).get("street").toString());
    assertEquals("Ada", read.get("name").toString());
  }

  static byte[] frame(int id, Schema schema, GenericRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
