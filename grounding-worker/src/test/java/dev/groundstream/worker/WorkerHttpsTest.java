package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.settings.SettingsException;
import dev.groundstream.testing.SelfSignedCert;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With GROUNDSTREAM_WORKER_TLS_* set, /health and /metrics answer over HTTPS only. */
class WorkerHttpsTest {
  @TempDir Path dir;

  @Test
  void tlsSettingsTurnTheHealthPortIntoHttps() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    WorkerConfig config = WorkerConfig.fromEnvironmentAndArgs(Map.of("GROUNDSTREAM_WORKER_MODEL", "/models/a",
        "GROUNDSTREAM_WORKER_TLS_CERT", cert.certPem().toString(), "GROUNDSTREAM_WORKER_TLS_KEY", cert.keyPem().toString()),
        "--http-host", "127.0.0.1");
    assertTrue(config.tls().isPresent());
    try (WorkerHttpServer server = new WorkerHttpServer(config.httpHost(), 0, config.tls(), () -> true,
        () -> "{\"status\":\"UP\"}", () -> "groundstream_up 1\n")) {
      HttpResponse<String> health = cert.httpsGet(server.port(), "/health");
      assertEquals(200, health.statusCode());
      assertEquals("{\"status\":\"UP\"}", health.body());
      assertEquals("groundstream_up 1\n", cert.httpsGet(server.port(), "/metrics").body());
      assertNotEquals(200, SelfSignedCert.plainHttpStatus(server.port(), "/health"), "plain HTTP gets no answer");
    }
    assertEquals(Optional.empty(), WorkerConfig.fromEnvironment(Map.of("GROUNDSTREAM_WORKER_MODEL", "/m")).tls(),
        "plain HTTP unless configured");
  }

  @Test
  void aMissingKeyFileNamesTheSetting() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    SettingsException e = assertThrows(SettingsException.class, () -> WorkerConfig.fromEnvironment(Map.of(
        "GROUNDSTREAM_WORKER_MODEL", "/m", "GROUNDSTREAM_WORKER_TLS_CERT", cert.certPem().toString(),
        "GROUNDSTREAM_WORKER_TLS_KEY", dir.resolve("nope.key").toString())));
    assertEquals("--tls-key (GROUNDSTREAM_WORKER_TLS_KEY) = '" + dir.resolve("nope.key") + "': no such file", e.getMessage());
  }
}
