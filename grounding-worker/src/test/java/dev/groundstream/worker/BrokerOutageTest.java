package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.health.DependencyProbe;
import dev.groundstream.testing.MultiBrokerCluster;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every broker of a real 3-broker cluster stops under a running worker and starts again: /health
 * turns DEGRADED with the broker's reason while they are down (the worker keeps retrying, 200),
 * UP after the restart, the broker retries are counted, and the requests before and after have
 * exactly one result each. Tagged multi-broker (-Pquick skips it).
 */
@Tag("multi-broker")
class BrokerOutageTest {
  @Test
  void wholeClusterDownAndBackIsVisibleAndExactlyOnce() throws Exception {
    try (WorkerTestKit kit = WorkerTestKit.on(MultiBrokerCluster.start(3))) {
      MultiBrokerCluster cluster = kit.multiBroker();
      GroundingWorker worker = GroundingWorker.start(kit.config("fake-detector").withHttpPort(0));
      try {
        String base = "http://127.0.0.1:" + worker.httpPort();
        UUID first = WorkerTestKit.id("broker-outage", 1);
        kit.send(WorkerTestKit.grayRequest(first, 90));
        kit.readResults(DependencyOutageTest.ids(Set.of(first)), Duration.ofSeconds(90));
        DependencyOutageTest.awaitHealth(base, body -> body.startsWith("{\"status\":\"UP\""), "UP before");

        for (int id : cluster.brokerIds()) {
          cluster.stopBroker(id);
        }
        DependencyOutageTest.awaitHealth(base, body -> body.startsWith("{\"status\":\"DEGRADED\"")
            && body.contains("\"broker\":{\"status\":\"DOWN\""), "DEGRADED with the broker down");
        long retries = worker.dependencyHealth().retries(DependencyProbe.BROKER);
        assertTrue(retries >= 1, "broker retries counted: " + retries);

        for (int id : cluster.brokerIds()) {
          cluster.startBroker(id);
        }
        DependencyOutageTest.awaitHealth(base, body -> body.startsWith("{\"status\":\"UP\""), "UP after the restart");

        UUID second = WorkerTestKit.id("broker-outage", 2);
        kit.send(WorkerTestKit.grayRequest(second, 160));
        List<GroundingResult> all =
            kit.readResults(DependencyOutageTest.ids(Set.of(first, second)), Duration.ofSeconds(120));
        assertEquals(2, all.size(), "one result each, no duplicates: " + all);
        assertEquals(Set.of(first.toString(), second.toString()),
            all.stream().map(r -> r.getRequestId().toString()).collect(Collectors.toSet()));
      } finally {
        worker.close();
      }
    }
  }
}
