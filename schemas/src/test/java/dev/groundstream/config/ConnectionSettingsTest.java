package dev.groundstream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"s3cret\";";

  @Test
  void everyGroundstreamKafkaVariableBecomesAClientProperty() {
    KafkaConnection kafka = KafkaConnection.fromEnvironment(Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "broker-1:9093,broker-2:9093",
        "GROUNDSTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "GROUNDSTREAM_KAFKA_SASL_MECHANISM", "PLAIN",
        "GROUNDSTREAM_KAFKA_SASL_JAAS_CONFIG", JAAS,
        "GROUNDSTREAM_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.jks",
        "GROUNDSTREAM_REGISTRY_URL", "http://ignored-here",
        "PATH", "/usr/bin"));
    Map<String, Object> props = kafka.clientProperties();
    assertEquals("broker-1:9093,broker-2:9093", props.get("bootstrap.servers"));
    assertEquals("SASL_SSL", props.get("security.protocol"));
    assertEquals("PLAIN", props.get("sasl.mechanism"));
    assertEquals(JAAS, props.get("sasl.jaas.config"));
    assertEquals("/etc/kafka/truststore.jks", props.get("ssl.truststore.location"));
    assertEquals(5, props.size(), props.keySet().toString());
  }

  @Test
  void bootstrapDefaultsToLocalhostAndAFlagOverridesTheEnvironment() {
    assertEquals("localhost:9092", KafkaConnection.fromEnvironment(Map.of()).bootstrapServers());
    KafkaConnection fromEnv = KafkaConnection.fromEnvironment(Map.of("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "a:1",
        "GROUNDSTREAM_KAFKA_SECURITY_PROTOCOL", "SSL"));
    KafkaConnection overridden = fromEnv.withBootstrapServers("b:2");
    assertEquals("b:2", overridden.bootstrapServers());
    assertEquals("SSL", overridden.clientProperties().get("security.protocol"));
    assertThrows(IllegalArgumentException.class, () -> KafkaConnection.of(Map.of("security.protocol", "SSL")));
  }

  @Test
  void secretsNeverAppearInToString() {
    String printed = KafkaConnection.fromEnvironment(Map.of(
        "GROUNDSTREAM_KAFKA_SASL_JAAS_CONFIG", JAAS,
        "GROUNDSTREAM_KAFKA_SSL_KEY_PASSWORD", "keypass",
        "GROUNDSTREAM_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trustpass")).toString();
    assertFalse(printed.contains("s3cret") || printed.contains("keypass") || printed.contains("trustpass"), printed);
    assertTrue(printed.contains("sasl.jaas.config=[hidden]"), printed);
    assertTrue(printed.contains("bootstrap.servers=localhost:9092"), printed);

    RegistryConnection registry = RegistryConnection.fromEnvironment(Map.of(
        "GROUNDSTREAM_REGISTRY_URL", "https://registry:8081",
        "GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO", "svc:hunter2",
        "GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_PASSWORD", "tspw"));
    assertFalse(registry.toString().contains("hunter2") || registry.toString().contains("tspw"), registry.toString());
    assertEquals(Optional.of("svc:hunter2"), registry.basicAuthUserInfo());
  }

  @Test
  void registrySettingsRoundTripThroughConfluentSerdeKeys() {
    RegistryConnection registry = RegistryConnection.fromEnvironment(Map.of(
        "GROUNDSTREAM_REGISTRY_URL", "https://r1:8081,https://r2:8081",
        "GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO", "svc:pw",
        "GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/tls/ts.p12",
        "GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12",
        "GROUNDSTREAM_REGISTRY_AUTO_REGISTER", "false"));
    Map<String, Object> serde = registry.serdeConfig();
    assertEquals("USER_INFO", serde.get("basic.auth.credentials.source"));
    assertEquals("false", serde.get("auto.register.schemas"));
    assertEquals(registry, RegistryConnection.fromConfig(serde));
    assertThrows(IllegalArgumentException.class, () -> RegistryConnection.fromConfig(Map.of()));
  }
}
