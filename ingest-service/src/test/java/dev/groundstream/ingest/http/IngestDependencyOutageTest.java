package dev.groundstream.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.testing.KafkaTestCluster;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The registry stops under a running ingest service and comes back: /health says DEGRADED (200,
 * uploads still go through on cached schema ids) with the registry's reason, retries and time since
 * its last success; the retry counter grows; after the restart /health is UP again.
 */
class IngestDependencyOutageTest {
  private static final Pattern RETRIES =
      Pattern.compile("ingest_dependency_retries_total\\{dependency=\"registry\"[^}]*} ([0-9.E]+)");

  @Test
  void registryOutageIsDegradedNotDown() throws Exception {
    try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
      SchemaRegistryServer registry =
          SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()));
      int registryPort = URI.create(registry.url()).getPort();
      IngestService service = IngestService.start(IngestHarness.config(kafka.bootstrapServers(), registry.url(),
          Files.createTempDirectory("ingest-outage-blobs"), Map.of()));
      try {
        HttpCalls http = new HttpCalls(service.port());
        assertEquals(202, http.postImage(IngestHarness.ACME_KEY, TestImages.png(20, 10),
            new JsonObject().put("caption", "A red dot")).statusCode());
        awaitHealth(http, 200, j -> "UP".equals(j.getString("status")));

        registry.close();
        JsonObject degraded = awaitHealth(http, 200, j -> "DEGRADED".equals(j.getString("status")));
        JsonObject reg = degraded.getJsonObject("registry");
        assertEquals("DOWN", reg.getString("status"), degraded.encode());
        assertTrue(reg.getString("detail").contains("unreachable"), degraded.encode());
        assertTrue(reg.getLong("retries") >= 1, degraded.encode());
        assertTrue(reg.getLong("sinceLastSuccessMs") >= 0, degraded.encode());
        assertEquals("UP", degraded.getJsonObject("broker").getString("status"), degraded.encode());
        assertEquals(202, http.postImage(IngestHarness.ACME_KEY, TestImages.png(20, 10),
            new JsonObject().put("caption", "A blue dot")).statusCode(), "uploads go on with cached schema ids");
        Matcher m = RETRIES.matcher(http.get("/metrics", IngestHarness.ACME_KEY).body());
        assertTrue(m.find(), "retry counter exported");
        assertTrue(Double.parseDouble(m.group(1)) >= 1, m.group(0));

        registry = SchemaRegistryServer.start(new SchemaRegistryServerConfig(
            Map.of("bootstrap.servers", kafka.bootstrapServers()), null, null, registryPort));
        JsonObject up = awaitHealth(http, 200, j -> "UP".equals(j.getString("status")));
        assertEquals("UP", up.getJsonObject("registry").getString("status"), up.encode());
      } finally {
        service.close();
        registry.close();
      }
    }
  }

  private static JsonObject awaitHealth(HttpCalls http, int code, Predicate<JsonObject> until) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
    throw new AssertionError("/health never matched within 60 s; last: " + last);
  }
}
