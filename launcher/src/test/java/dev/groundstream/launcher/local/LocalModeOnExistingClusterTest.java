package dev.groundstream.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `local --bootstrap-servers ... --registry-url ...`: the services run against a cluster that
 * already exists, and stopping the local mode leaves that cluster running.
 */
class LocalModeOnExistingClusterTest {
  @TempDir Path clusterDir;
  @TempDir Path dataDir;

  @Test
  void servicesUseTheGivenClusterAndLeaveItRunning() throws Exception {
    try (LocalCluster existing = LocalCluster.start(clusterDir, 0, 0)) {
      try (LocalMode local = LocalMode.start(dataDir, Path.of("..", "models", "centernet-coco"),
          LocalPorts.ANY_FREE, ExistingCluster.prepare(existing.kafka(), existing.registry()))) {
        assertEquals(existing.kafka().bootstrapServers(), local.kafka().bootstrapServers());
        assertEquals(200, awaitStatus(local.dashboardUrl() + "/health", 200));
        assertEquals(200, awaitStatus(local.ingestUrl() + "/health", 200));
      }
      try (Admin admin = Admin.create(existing.kafka().clientProperties())) {
        assertTrue(admin.listTopics().names().get().contains(Topics.REQUESTS), "the cluster outlives the local mode");
      }
      assertEquals(200, awaitStatus(existing.registry().url() + "/subjects", 200));
    }
  }

  private static int awaitStatus(String url, int wanted) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    int status = -1;
    while (System.nanoTime() < deadline) {
      try {
        status = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
        if (status == wanted) {
          return status;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    return status;
  }
}
