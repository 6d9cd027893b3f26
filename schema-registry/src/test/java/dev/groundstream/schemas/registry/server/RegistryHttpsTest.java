package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.settings.SettingsException;
import dev.groundstream.schemas.registry.client.RestSchemaRegistryClient;
import dev.groundstream.testing.KafkaTestCluster;
import dev.groundstream.testing.SelfSignedCert;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With GROUNDSTREAM_REGISTRY_TLS_* the registry serves HTTPS only; our client reaches it through a truststore. */
class RegistryHttpsTest {
  @TempDir Path dir;

  @Test
  void ourClientRegistersOverHttpsAndPlainHttpGetsNoAnswer() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    try (KafkaTestCluster kafka = KafkaTestCluster.start();
        SchemaRegistryServer server = SchemaRegistryMain.start(Map.of(
            "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
            "GROUNDSTREAM_REGISTRY_HOST", "127.0.0.1", "GROUNDSTREAM_REGISTRY_PORT", "0",
            "GROUNDSTREAM_REGISTRY_TLS_CERT", cert.certPem().toString(),
            "GROUNDSTREAM_REGISTRY_TLS_KEY", cert.keyPem().toString()))) {
      assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryConnection.fromEnvironment(Map.of(
          "GROUNDSTREAM_REGISTRY_URL", server.url(),
          "GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_LOCATION", cert.truststore().toString(),
          "GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_PASSWORD", cert.password(),
          "GROUNDSTREAM_REGISTRY_SSL_TRUSTSTORE_TYPE", "PKCS12")));
      int id = client.register("users-value", new Schema.Parser().parse(TestSchemas.USER));
      assertEquals(List.of("users-value"), client.subjects());
      assertEquals(200, cert.httpsGet(server.port(), "/schemas/ids/" + id).statusCode());
      assertNotEquals(200, SelfSignedCert.plainHttpStatus(server.port(), "/subjects"), "plain HTTP gets no answer");
    }
  }

  @Test
  void aMissingKeyFileStopsTheRegistryNamingTheSetting() {
    SettingsException e = assertThrows(SettingsException.class, () -> SchemaRegistryMain.start(Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
        "GROUNDSTREAM_REGISTRY_TLS_CERT", dir.resolve("a.crt").toString(),
        "GROUNDSTREAM_REGISTRY_TLS_KEY", dir.resolve("a.key").toString())));
    assertEquals("--tls-cert (GROUNDSTREAM_REGISTRY_TLS_CERT) = '" + dir.resolve("a.crt") + "': no such file",
        e.getMessage());
  }
}
