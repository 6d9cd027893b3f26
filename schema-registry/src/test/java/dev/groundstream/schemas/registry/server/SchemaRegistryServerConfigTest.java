package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerConfigTest {

  @Test
  void readsKafkaPropertiesAndListenerFromEnvironment() {
    SchemaRegistryServerConfig config = SchemaRegistryServerConfig.fromEnvironment(Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
        "GROUNDSTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "GROUNDSTREAM_KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required password=\"s3cret\";",
        "GROUNDSTREAM_REGISTRY_PORT", "18081",
        "PATH", "/usr/bin"));
    assertEquals(Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SASL_SSL",
        "sasl.jaas.config", "PlainLoginModule required password=\"s3cret\";"),
        config.kafkaClientProps());
    assertEquals(18081, config.port());
    assertEquals("0.0.0.0", config.host());
    assertEquals("_schemas", config.topic());
  }

  @Test
  void defaultsForTheStandaloneRegistry() {
    SchemaRegistryServerConfig config = SchemaRegistryServerConfig.fromEnvironment(
        Map.of("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "broker:9092"));
    assertEquals(8081, config.port());
  }

  @Test
  void bootstrapServersAreRequired() {
    assertThrows(IllegalArgumentException.class,
        () -> SchemaRegistryServerConfig.fromEnvironment(Map.of("GROUNDSTREAM_REGISTRY_PORT",
            "8081")));
  }

  @Test
  void neverShowsSecrets() {
    SchemaRegistryServerConfig config = new SchemaRegistryServerConfig(Map.of(
        "bootstrap.servers", "broker:9092",
        "sasl.jaas.config", "PlainLoginModule required password=\"s3cret\";",
        "ssl.truststore.password", "tr0ub4dor"), null, null, 0);
    String shown = config.toString();
    assertFalse(shown.contains("s3cret"), shown);
    assertFalse(shown.contains("tr0ub4dor"), shown);
    assertEquals("broker:9092", config.describableKafkaClientProps().get("bootstrap.servers"));
  }
}
