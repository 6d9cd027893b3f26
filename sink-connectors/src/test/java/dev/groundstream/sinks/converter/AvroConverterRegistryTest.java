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
}
