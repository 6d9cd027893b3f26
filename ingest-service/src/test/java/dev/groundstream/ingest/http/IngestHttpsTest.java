package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.settings.SettingsException;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.testing.SelfSignedCert;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** With tls-cert and tls-key the ingest API serves HTTPS only, with the same answers. */
@ExtendWith(SharedIngestHarness.class)
class IngestHttpsTest {
  @TempDir Path dir;

  @Test
  void uploadsAndHealthOverHttpsAndNoPlainHttp(IngestHarness harness) throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    try (IngestService https = harness.startAnother(Map.of("tls-cert", cert.certPem().toString(),
        "tls-key", cert.keyPem().toString()))) {
      HttpResponse<String> health = cert.httpsGet(https.port(), "/health");
      assertEquals(200, health.statusCode(), health.body());
      assertEquals("UP", new JsonObject(health.body()).getString("status"));

      String upload = new JsonObject().put("caption", "A dog over TLS")
          .put("image", new JsonObject().put("base64", Base64.getEncoder().encodeToString(TestImages.jpeg(32, 24))))
          .encode();
      HttpResponse<String> accepted = cert.client().send(HttpRequest.newBuilder(
              URI.create("https://localhost:" + https.port() + "/v1/requests")).timeout(Duration.ofSeconds(30))
          .header("content-type", "application/json").header("X-API-Key", ACME_KEY)
          .POST(HttpRequest.BodyPublishers.ofString(upload)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(202, accepted.statusCode(), accepted.body());

      assertNotEquals(200, SelfSignedCert.plainHttpStatus(https.port(), "/health"), "plain HTTP gets no answer");
    }
  }

  @Test
  void aMissingCertificateFileStopsTheServiceNamingTheSetting() {
    SettingsException e = assertThrows(SettingsException.class, () -> IngestConfig.fromEnvironment(Map.of(
        "GROUNDSTREAM_INGEST_TLS_KEYSTORE", dir.resolve("absent.p12").toString())));
    assertEquals("--tls-keystore (GROUNDSTREAM_INGEST_TLS_KEYSTORE) = '" + dir.resolve("absent.p12") + "': no such file",
        e.getMessage());
    assertTrue(IngestConfig.fromEnvironment(Map.of()).tls().isEmpty(), "plain HTTP by default");
  }
}
