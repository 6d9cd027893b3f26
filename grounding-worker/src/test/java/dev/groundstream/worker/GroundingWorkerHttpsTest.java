package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.config.TlsFiles;
import dev.groundstream.testing.SelfSignedCert;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running worker with a TLS identity answers /health and /metrics over HTTPS only. */
class GroundingWorkerHttpsTest {
  @TempDir Path dir;

  @Test
  void healthAndMetricsOfARunningWorkerOverHttps() throws Exception {
    SelfSignedCert cert = SelfSignedCert.create(dir);
    try (WorkerTestKit kit = WorkerTestKit.start()) {
      GroundingWorker worker = GroundingWorker.start(kit.config("fake-detector").withHttpHost("127.0.0.1").withHttpPort(0)
          .withTls(TlsFiles.pkcs12(cert.keystore(), cert.password())));
      try {
        HttpResponse<String> health = cert.httpsGet(worker.httpPort(), "/health");
        assertTrue(health.body().contains("\"model\":\"fake-detector:1.0.0\""), health.body());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (health.statusCode() != 200 && System.nanoTime() < deadline) { // DOWN until the loop has started
          Thread.sleep(200);
          health = cert.httpsGet(worker.httpPort(), "/health");
        }
        assertEquals(200, health.statusCode(), health.body());
        HttpResponse<String> metrics = cert.httpsGet(worker.httpPort(), "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text");
        assertNotEquals(200, SelfSignedCert.plainHttpStatus(worker.httpPort(), "/health"), "plain HTTP gets no answer");
      } finally {
        worker.close();
      }
    }
  }
}
