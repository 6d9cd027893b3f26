package dev.groundstream.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.testing.MultiBrokerCluster;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every broker of a 3-broker cluster stops under a running ingest service and starts again:
 * /health answers 503 DOWN with the broker's reason and retries (no upload could be acknowledged),
 * then 200 UP, and uploads are accepted again. Tagged multi-broker (-Pquick skips it).
 */
@Tag("multi-broker")
class IngestBrokerOutageTest {
  @Test
  void brokerOutageIsDownAndRecovers() throws Exception {
    try (MultiBrokerCluster cluster = MultiBrokerCluster.start(3)) {
      try (Admin admin = cluster.admin()) {
        TopicCreator.createMissing(admin, Topics.ALL);
      }
      SchemaRegistryServer registry =
          SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(cluster.bootstrapServers()));
      IngestService service = IngestService.start(IngestHarness.config(cluster.bootstrapServers(), registry.url(),
          Files.createTempDirectory("ingest-broker-outage"), Map.of()));
      try {
        HttpCalls http = new HttpCalls(service.port());
        awaitHealth(http, j -> "UP".equals(j.getString("status")), 200);

        for (int id : cluster.brokerIds()) {
          cluster.stopBroker(id);
        }
        JsonObject down = awaitHealth(http, j -> "DOWN".equals(j.getString("status"))
            && "DOWN".equals(j.getJsonObject("broker").getString("status")), 503);
        assertTrue(down.getJsonObject("broker").getLong("retries") >= 1, down.encode());

        for (int id : cluster.brokerIds()) {
          cluster.startBroker(id);
        }
        awaitHealth(http, j -> "UP".equals(j.getString("status")), 200);
        assertEquals(202, http.postImage(IngestHarness.ACME_KEY, TestImages.png(20, 10),
            new JsonObject().put("caption", "A red dot")).statusCode());
      } finally {
        service.close();
        registry.close();
      }
    }
  }

  private static JsonObject awaitHealth(HttpCalls http, Predicate<JsonObject> until, int code) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.get("/health", null);
      last = r.statusCode() + " " + r.body();
      JsonObject body = new JsonObject(r.body());
      if (until.test(body)) {
        assertEquals(code, r.statusCode(), last);
        return body;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/health never matched within 90 s; last: " + last);
  }
}
