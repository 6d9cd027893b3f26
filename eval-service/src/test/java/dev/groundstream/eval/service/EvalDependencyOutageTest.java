package dev.groundstream.eval.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.testing.Http;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The eval service's own registry instance (on the shared broker) stops and comes back: /health
 * stays 200 but says DEGRADED with the registry's reason while Kafka Streams runs, the retry counter
 * grows, and it is UP again after the restart.
 */
@ExtendWith(SharedKafka.class)
class EvalDependencyOutageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RETRIES =
      Pattern.compile("groundstream_eval_dependency_retries_total\\{dependency=\"registry\"[^}]*} ([0-9.E]+)");

  @Test
  void registryOutageIsDegraded() throws Exception {
    String bootstrap = SharedKafka.cluster().bootstrapServers();
    SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(bootstrap));
    int registryPort = URI.create(registry.url()).getPort();
    Path state = Files.createTempDirectory("eval-outage-state");
    EvalConfig config = EvalConfig.fromEnvironmentAndArgs(Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", bootstrap, "GROUNDSTREAM_REGISTRY_URL", registry.url()),
        List.of("--application-id=eval-outage", "--state-dir=" + state, "--http-port=0", "--commit-interval=200ms"));
    EvalService service = EvalService.start(config);
    try {
      int port = service.httpPort();
      awaitHealth(port, j -> "UP".equals(j.path("status").asText()));

      registry.close();
      JsonNode degraded = awaitHealth(port, j -> "DEGRADED".equals(j.path("status").asText()));
      JsonNode reg = degraded.path("dependencies").path("registry");
      assertEquals("DOWN", reg.path("status").asText(), degraded.toString());
      assertTrue(reg.path("reason").asText().contains("unreachable"), degraded.toString());
      assertTrue(reg.path("retries").asLong() >= 1, degraded.toString());
      assertTrue(reg.path("sinceLastSuccessMs").isNumber(), degraded.toString());
      assertEquals("RUNNING", degraded.path("state").asText());
      Matcher m = RETRIES.matcher(Http.get(port, "/metrics").body());
      assertTrue(m.find(), "retry counter exported");
      assertTrue(Double.parseDouble(m.group(1)) >= 1, m.group(0));

      registry = SchemaRegistryServer.start(new SchemaRegistryServerConfig(
          Map.of("bootstrap.servers", bootstrap), null, null, registryPort));
      JsonNode up = awaitHealth(port, j -> "UP".equals(j.path("status").asText()));
      assertEquals("UP", up.path("dependencies").path("registry").path("status").asText(), up.toString());
    } finally {
      service.close();
      registry.close();
    }
  }

  private static JsonNode awaitHealth(int port, Predicate<JsonNode> until) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      Http.Response r = Http.get(port, "/health");
      last = r.status() + " " + r.body();
      JsonNode body = JSON.readTree(r.body());
      if (until.test(body)) {
        assertEquals(200, r.status(), last);
        return body;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("/health never matched within 90 s; last: " + last);
  }
}
