package dev.groundstream.sinks.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.schemas.serde.AvroSerializer;
import dev.groundstream.testing.KafkaTestCluster;
import dev.groundstream.testing.SampleRecords;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The converter configured the Confluent way, against GroundStream's real (Kafka-backed) registry. */
class AvroConverterRegistryTest {
  private static KafkaTestCluster kafka;
  private static SchemaRegistryServer registry;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaTestCluster.start();
    registry = SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void readsWhatOurSerializerWroteAndRegistersWhatItWritesBack() {
    Map<String, Object> config = Map.of("schema.registry.url", registry.url(), "auto.register.schemas", "true");
    AvroSerializer<GroundingResult> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    GroundingResult original = SampleRecords.result(3, 2, 3);
    byte[] bytes = serializer.serialize(Topics.RESULTS, original);

    AvroConverter converter = new AvroConverter();
    converter.configure(config, false);
    SchemaAndValue connect = converter.toConnectData(Topics.RESULTS, bytes);
    assertEquals("dev.groundstream.avro.GroundingResult", connect.schema().name());

    // Written back under another topic by a fresh converter: the rebuilt schema gets registered there.
    AvroConverter writer = new AvroConverter();
    writer.configure(config, false);
    byte[] copied = writer.fromConnectData("results-copy", connect.schema(), connect.value());
    SchemaRegistryClient client = SchemaRegistryClients.shared(RegistryConnection.of(registry.url()));
    assertTrue(client.subjects().contains("results-copy-value"), client.subjects().toString());

    AvroDeserializer<GroundingResult> deserializer = new AvroDeserializer<>(client, GroundingResult.getClassSchema());
    assertEquals(original, deserializer.deserialize("results-copy", copied));
  }

  @Test
  void resolvesSchemaReferences() throws Exception {
    String address = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"shared\","
        + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
    String person = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"people\","
        + "\"fields\":[{\"name\":\"home\",\"type\":\"shared.Address\"}]}";
    post("/subjects/shared.Address/versions", body(address, null));
    int id = new ObjectMapper().readTree(post(
        "/subjects/people-value/versions", body(person,
            "[{\"name\":\"shared.Address\",\"subject\":\"shared.Address\",\"version\":1}]")))
        .get("id").asInt();

    Schema.Parser parser = new Schema.Parser();
    parser.parse(address);
    Schema personSchema = parser.parse(person);
    GenericRecord home =
        new GenericData.Record(personSchema.getField("home").schema());
    home.put("street", "Rue Mouffetard");
    GenericRecord record =
        new GenericData.Record(personSchema);
    record.put("home", home);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder =
        EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(
        personSchema).write(record, encoder);
    encoder.flush();

    AvroConverter converter = new AvroConverter();
    converter.configure(Map.of("schema.registry.url", registry.url()), false);
    SchemaAndValue connect = converter.toConnectData("people", out.toByteArray());
    Struct struct = (Struct) connect.value();
    assertEquals("Rue Mouffetard", struct.getStruct("home").getString("street"));
  }

  private static String body(String schema, String references) {
    ObjectNode node =
        new ObjectMapper().createObjectNode().put("schema", schema);
    if (references != null) {
      try {
        node.set("references", new ObjectMapper().readTree(references));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return node.toString();
  }

  private static String post(String path, String body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(registry.url() + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }
}
