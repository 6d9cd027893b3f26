package dev.groundstream.worker;

import static dev.groundstream.worker.WorkerTestKit.grayRequest;
import static dev.groundstream.worker.WorkerTestKit.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the worker mid-stream several times (open transaction abandoned, nothing committed, like a
 * killed process) while requests keep arriving, restarts it each time, and checks with a
 * read_committed consumer that every request has exactly one result: none lost, none duplicated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactlyOnceTest {
  private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceTest.class);
  private static final int REQUESTS = 90;
  private static final int KILLS = 3;
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
  @Order(1)
  void killedAndRestartedWorkerNeitherLosesNorDuplicatesResults() throws Exception {
    Map<UUID, Integer> grayOf = new HashMap<>();
    AtomicReference<Exception> producerFailure = new AtomicReference<>();
    Thread producer = new Thread(() -> {
      try {
        for (int i = 0; i < REQUESTS; i++) {
          UUID id = id("eos", i);
          kit.send(grayRequest(id, i % 200));
          Thread.sleep(15); // a stream, not one burst: kills land while requests still arrive
        }
      } catch (Exception e) {
        producerFailure.set(e);
      }
    });
    for (int i = 0; i < REQUESTS; i++) {
      grayOf.put(id("eos", i), i % 200);
    }
    // batches of 4: many small transactions, so a kill usually lands inside one
    WorkerConfig config = kit.config("fake-detector").withBatching(4, Duration.ofMillis(5), 16);
    producer.start();
    for (int kill = 1; kill <= KILLS; kill++) {
      GroundingWorker worker = GroundingWorker.start(config);
      double before = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (worker.metrics().requestCount() < 4 * kill && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      before = worker.metrics().requestCount();
      worker.halt();
      LOG.info("kill {}: worker halted after committing {} requests", kill, before);
    }
    producer.join();
    assertEquals(null, producerFailure.get());

    try (GroundingWorker survivor = GroundingWorker.start(config)) {
      List<GroundingResult> results = kit.readResults(r -> r.stream().map(GroundingResult::getRequestId)
          .distinct().count() >= REQUESTS, Duration.ofSeconds(90));
      Map<UUID, Integer> perRequest = new HashMap<>();
      results.forEach(r -> perRequest.merge(r.getRequestId(), 1, Integer::sum));
      assertEquals(grayOf.keySet(), perRequest.keySet(), "every request has a result");
      perRequest.forEach((id, n) -> assertEquals(1, n, "exactly one committed result for " + id));
      for (GroundingResult r : results) {
        GroundingWorkerPipelineTest.assertBoxes(FakeDetectorExpectations.personPhrase(grayOf.get(r.getRequestId())),
            r.getPhrases().get(0).getBoxes());
      }
      // Abandoned transactions did write results that read_uncommitted still sees: the kills hit
      // open transactions, and read_committed hid them.
      List<GroundingResult> uncommitted = kit.read(Topics.RESULTS, GroundingResult.class,
          r -> r.size() >= REQUESTS, Duration.ofSeconds(10), "read_uncommitted");
      LOG.info("read_uncommitted sees {} results for {} requests", uncommitted.size(), REQUESTS);
      assertTrue(uncommitted.size() >= REQUESTS);
    }
  }

  /**
   * Two replicas of one model version share the group (instance ids 0 and 1, so two
   * transactional ids) and split the partitions; one joins mid-stream (a rebalance) and the other
   * stops gracefully before the end. Every request still has exactly one result.
   */
  @Test
  @Order(2)
  void replicasOfOneVersionSplitTheWorkAcrossRebalances() throws Exception {
    WorkerConfig base = kit.config("fake-detector").withBatching(4, Duration.ofMillis(5), 16).withGroupId("scale-out");
    WorkerConfig second = new WorkerConfig(base.kafka(), base.registry(), base.modelDir(), base.maxBatchSize(),
        base.maxQueueDelay(), base.queueCapacity(), base.preprocessThreads(), base.blobDir(), base.ort(),
        base.ranking(), base.httpPort(), base.groupId(), "1", base.s3Blobs());
    int total = 40;
    GroundingWorker first = GroundingWorker.start(base);
    for (int i = 0; i < total / 2; i++) {
      kit.send(grayRequest(id("scale", i), 7 * i));
    }
    GroundingWorker other = GroundingWorker.start(second);
    for (int i = total / 2; i < total; i++) {
      kit.send(grayRequest(id("scale", i), 7 * (i % 30)));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (first.metrics().requestCount() + other.metrics().requestCount() < total / 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    first.close(); // its partitions move to the other replica
    try (other) {
      List<GroundingResult> results = kit.readResults(r -> r.stream()
          .filter(x -> isScale(x.getRequestId(), total))
          .map(GroundingResult::getRequestId).distinct().count() >= total, Duration.ofSeconds(90));
      Map<UUID, Integer> perRequest = new HashMap<>();
      results.stream().filter(r -> isScale(r.getRequestId(), total))
          .forEach(r -> perRequest.merge(r.getRequestId(), 1, Integer::sum));
      assertEquals(total, perRequest.size(), "every request has a result");
      perRequest.forEach((id, n) -> assertEquals(1, n, "exactly one result for " + id));
      assertTrue(other.metrics().requestCount() > 0, "the second replica took part");
    }
  }

  private static boolean isScale(UUID id, int total) {
    for (int i = 0; i < total; i++) {
      if (id("scale", i).equals(id)) {
        return true;
      }
    }
    return false;
  }
}
