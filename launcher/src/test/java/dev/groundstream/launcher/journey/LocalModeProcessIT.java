package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: the packaged {@code local} starts on free ports and every printed URL answers. */
class LocalModeProcessIT {
  @TempDir Path temp;

  @Test
  void localModeStartsOnFreePortsAndItsPrintedUrlsAnswer() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Path dataDir = temp.resolve("data");
    try (LocalModeProcess local = LocalModeProcess.start(dataDir, "--model", "models/noop-detector")) {
      for (String url : List.of(local.dashboardUrl(), local.ingestUrl(), local.registryUrl(), local.workerUrl(),
          "kafka://" + local.kafkaBootstrap())) {
        assertTrue(URI.create(url).getPort() > 0, "a real port was printed, not 0: " + url);
      }
      assertEquals(200, get(http, local.dashboardUrl() + "/").statusCode(), "dashboard");
      assertEquals(200, get(http, local.registryUrl() + "/subjects").statusCode(), "registry");
      assertEquals(200, get(http, local.workerUrl() + "/health").statusCode(), "worker health");
      assertEquals(401, get(http, local.ingestUrl() + "/v1/requests/none").statusCode(),
          "ingest answers and wants the API key");
      try (var consumer = local.committed().rawConsumer()) {
        List<PartitionInfo> partitions = consumer.partitionsFor("grounding.requests", Duration.ofSeconds(30));
        assertFalse(partitions.isEmpty(), "grounding.requests exists on the printed Kafka");
      }
      assertTrue(local.duckDbFile().startsWith(dataDir.toAbsolutePath()), "DuckDB file under the data dir");
      int exit = local.stop();
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal, as on Ctrl-C
      assertTrue(exit == 0 || exit == 143, "SIGTERM stops the local mode, exit " + exit);
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
