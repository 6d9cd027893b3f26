package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.health.DependencyHealth;
import dev.groundstream.health.DependencyProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry goes away under a running worker and comes back: /health turns DEGRADED with the
 * reason and the time since the last success, the retry counter grows, the state change is
 * counted (logged) once, not per attempt, a request sent meanwhile still gets exactly one result,
 * and /health is UP again after the restart.
 */
class DependencyOutageTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern RETRIES =
      Pattern.compile("groundstream_worker_dependency_retries_total\\{dependency=\"registry\"[^}]*} ([0-9.E]+)");

  @Test
  void registryOutageIsVisibleAndNothingIsLostOrDuplicated() throws Exception {
    try (WorkerTestKit kit = WorkerTestKit.start()) {
      GroundingWorker worker = GroundingWorker.start(kit.config("fake-detector").withHttpPort(0));
      try {
        String base = "http://127.0.0.1:" + worker.httpPort();
        UUID first = WorkerTestKit.id("outage", 1);
        kit.send(WorkerTestKit.grayRequest(first, 100));
        kit.readResults(ids(Set.of(first)), Duration.ofSeconds(60));
        awaitHealth(base, body -> body.contains("\"status\":\"UP\""), "UP before the outage");

        kit.stopRegistry();
        String degraded = awaitHealth(base, body -> body.startsWith("{\"status\":\"DEGRADED\"")
            && body.contains("\"registry\":{\"status\":\"DOWN\",\"reason\":\"SchemaRegistryException"),
            "DEGRADED with the registry's reason");
        assertTrue(degraded.matches(".*\"registry\":\\{[^}]*\"sinceLastSuccessMs\":[0-9]+.*"), degraded);
        DependencyHealth health = worker.dependencyHealth();
        awaitTrue(() -> health.retries(DependencyProbe.REGISTRY) >= 3, "three failed probes");
        assertEquals(1, health.stateChanges(), "one logged state change for several failed attempts");
        Matcher m = RETRIES.matcher(get(base + "/metrics").body());
        assertTrue(m.find(), "retry counter exported");
        assertTrue(Double.parseDouble(m.group(1)) >= 3, m.group(0));

        // schema ids are cached: a request sent during the outage is grounded exactly once
        UUID second = WorkerTestKit.id("outage", 2);
        kit.send(WorkerTestKit.grayRequest(second, 150));
        kit.readResults(ids(Set.of(first, second)), Duration.ofSeconds(60));

        kit.restartRegistry();
        awaitHealth(base, body -> body.startsWith("{\"status\":\"UP\""), "UP after the restart");
        assertEquals(2, health.stateChanges(), "the recovery is the second and last state change");

        List<GroundingResult> all = kit.readResults(r -> r.size() >= 2, Duration.ofSeconds(30));
        assertEquals(2, all.size(), "no duplicates: " + all);
        assertEquals(Set.of(first.toString(), second.toString()),
            all.stream().map(r -> r.getRequestId().toString()).collect(Collectors.toSet()));
      } finally {
        worker.close();
      }
    }
  }

  static Predicate<List<GroundingResult>> ids(Set<UUID> want) {
    return results -> results.stream().map(r -> UUID.fromString(r.getRequestId().toString()))
        .collect(Collectors.toSet()).containsAll(want);
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String awaitHealth(String base, Predicate<String> until, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = get(base + "/health");
      body = r.body();
      if (until.test(body)) {
        assertEquals(200, r.statusCode(), "a retrying worker stays in service: " + body);
        return body;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + what + " within 60 s; last /health: " + body);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier until, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!until.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(100);
    }
  }
}
