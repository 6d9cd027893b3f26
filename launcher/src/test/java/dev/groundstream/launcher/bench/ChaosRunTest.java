package dev.groundstream.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.launcher.local.LocalCluster;
import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench chaos against a real cluster with a real worker; and the tally's counting on its own. */
class ChaosRunTest {
  @TempDir
  Path dir;

  @Test
  void everyAcceptedRequestHasExactlyOneResult() throws Exception {
    try (LocalCluster cluster = LocalCluster.start(dir.resolve("kafka"), 0, 0)) {
      WorkerConfig config = WorkerConfig.defaults(cluster.kafka(), cluster.registry(),
          Path.of("..", "grounding-worker", "src", "test", "resources", "models", "fake-detector"))
          .withHttpPort(-1);
      GroundingWorker worker = GroundingWorker.start(config);
      try {
        ChaosTally.Report r = new ChaosRun(cluster.kafka(), cluster.registry(), System.err).run(40, Duration.ofMinutes(3));
        assertEquals(new ChaosTally.Report(40, 40, 0, 0), r);
        assertTrue(r.clean());
      } finally {
        worker.close();
      }
    }
  }

  @Test
  void tallyCountsLostAndDuplicatedPerRequestAndModel() {
    ChaosTally t = new ChaosTally();
    for (String id : new String[] {"a", "b", "c"}) {
      t.sent();
      t.accepted(id);
    }
    t.sent(); // never acknowledged
    t.result("a", "m:1");
    t.result("a", "m:1"); // a duplicate
    t.result("a", "m:2"); // another model: not a duplicate
    t.result("b", "m:1");
    t.result("zzz", "m:1"); // another run's request
    assertFalse(t.complete());
    ChaosTally.Report r = t.report();
    assertEquals(new ChaosTally.Report(4, 3, 1, 1), r);
    assertFalse(r.clean());
  }
}
