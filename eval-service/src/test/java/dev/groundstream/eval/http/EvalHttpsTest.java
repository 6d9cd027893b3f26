package dev.groundstream.eval.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.settings.SettingsException;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.testing.SelfSignedCert;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With GROUNDSTREAM_EVAL_TLS_* the REST API, dashboard and /metrics are served over HTTPS only. */
class EvalHttpsTest {
  @TempDir Path dir;

  @Test
  void dashboardAndMetricsOverHttpsAndNoPlainHttp() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    EvalConfig config = EvalConfig.fromEnvironmentAndArgs(Map.of("GROUNDSTREAM_EVAL_TLS_KEYSTORE", cert.keystore().toString(),
        "GROUNDSTREAM_EVAL_TLS_KEYSTORE_PASSWORD", cert.password()), List.of("--http-host", "127.0.0.1"));
    assertTrue(config.tls().isPresent());
    Vertx vertx = Vertx.vertx();
    try {
      EvalHttpServer server = EvalHttpServer.start(vertx, config.httpHost(), 0,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), config.apiAccess(), config.tls());
      HttpResponse<String> page = cert.httpsGet(server.port(), "/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<html"), "the dashboard page");
      assertEquals(200, cert.httpsGet(server.port(), "/metrics").statusCode());
      assertEquals(503, cert.httpsGet(server.port(), "/health").statusCode(), "the normal answer before Streams runs");
      assertNotEquals(200, SelfSignedCert.plainHttpStatus(server.port(), "/"), "plain HTTP gets no dashboard");
      server.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
    assertEquals(Optional.empty(), EvalConfig.fromEnvironmentAndArgs(Map.of(), List.of()).tls(), "plain HTTP by default");
  }

  @Test
  void aWrongKeystorePasswordStopsTheServiceNamingTheSetting() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    SettingsException e = assertThrows(SettingsException.class, () -> EvalConfig.fromEnvironmentAndArgs(Map.of(),
        List.of("--tls-keystore", cert.keystore().toString(), "--tls-keystore-password", "not-it")));
    assertTrue(e.getMessage().startsWith("--tls-keystore (GROUNDSTREAM_EVAL_TLS_KEYSTORE) = '"), e.getMessage());
    assertTrue(e.getMessage().contains("wrong tls-keystore-password"), e.getMessage());
  }
}
