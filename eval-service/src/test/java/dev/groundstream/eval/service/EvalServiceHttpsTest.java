package dev.groundstream.eval.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.testing.SelfSignedCert;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The eval service started as main starts it, with --tls-cert/--tls-key: dashboard and API over HTTPS only. */
@ExtendWith(SharedKafka.class)
class EvalServiceHttpsTest {
  @TempDir Path dir;

  @Test
  void dashboardAndHealthOfARunningServiceOverHttps() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    try (EvalService service = RunningServices.start(RunningServices.config("eval-https",
        Files.createDirectories(dir.resolve("state")), "--http-host=127.0.0.1",
        "--tls-cert=" + cert.certPem(), "--tls-key=" + cert.keyPem()))) {
      HttpResponse<String> page = cert.httpsGet(service.httpPort(), "/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<html"), "the dashboard page");
      HttpResponse<String> health = cert.httpsGet(service.httpPort(), "/health");
      assertTrue(health.body().contains("\"state\""), health.body());
      assertNotEquals(200, SelfSignedCert.plainHttpStatus(service.httpPort(), "/"), "plain HTTP gets no dashboard");
    }
  }
}
