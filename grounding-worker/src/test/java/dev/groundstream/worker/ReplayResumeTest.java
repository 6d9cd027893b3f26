package dev.groundstream.worker;

import static dev.groundstream.worker.WorkerTestKit.grayRequest;
import static dev.groundstream.worker.WorkerTestKit.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replay stopped part-way (as Ctrl-C does: close() while batches are in flight) and continued
 * under the same consumer group grounds every request of the range exactly once over both runs.
 */
class ReplayResumeTest {
  private static final int REQUESTS = 24;
  static WorkerTestKit kit;

  @BeforeAll
  static void start() throws Exception {
    kit = WorkerTestKit.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @Test
  void aStoppedReplayContinuesWhereItStoppedAndGroundsNothingTwice() throws Exception {
    Set<UUID> sent = new HashSet<>();
    for (int i = 0; i < REQUESTS; i++) {
      kit.send(grayRequest(id("resume", i), 40 + i));
      sent.add(id("resume", i));
    }
    // one record per batch and a small queue, so the first run is stopped long before the end
    WorkerConfig config = kit.config("fake-detector-v2").withBatching(1, Duration.ofMillis(1), 4)
        .withGroupId("grounding-worker.fake-detector.2.0.0.replay-resume-test");
    CountDownLatch thirdCommit = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean held = new AtomicBoolean();
    GroundingWorker first = GroundingWorker.startReplay(config, ReplayRange.all(), (done, total) -> {
      if (done >= 3 && held.compareAndSet(false, true)) {
        thirdCommit.countDown();
        try {
          release.await(30, TimeUnit.SECONDS); // hold the loop until close() has been asked
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    assertTrue(thirdCommit.await(60, TimeUnit.SECONDS), "the first run committed three batches");
    Thread closer = new Thread(() -> {
      try {
        first.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    closer.start();
    Thread.sleep(300); // close() has set its stop flag by now
    release.countDown();
    closer.join(60_000);
    assertNull(first.failure());
    long firstRun = first.outcomes().total();
    assertTrue(firstRun >= 3 && firstRun < REQUESTS, "stopped part-way: " + firstRun);

    try (GroundingWorker second = GroundingWorker.startReplay(config, ReplayRange.all(), null)) {
      assertTrue(second.awaitFinished(Duration.ofSeconds(90)), "the resumed replay ends by itself");
      assertNull(second.failure());
      assertEquals(REQUESTS - firstRun, second.outcomes().total(), "the second run does only what was left");
      assertEquals(REQUESTS - firstRun, second.outcomes().grounded());
    }
    List<GroundingResult> results = kit.readResults(r -> r.size() >= REQUESTS, Duration.ofSeconds(30));
    assertEquals(REQUESTS, results.size(), "one result per request over both runs, no duplicate");
    Set<UUID> grounded = new HashSet<>();
    results.forEach(r -> grounded.add(r.getRequestId()));
    assertEquals(sent, grounded);
  }
}
