package dev.groundstream.worker;

import static dev.groundstream.worker.WorkerTestKit.grayRequest;
import static dev.groundstream.worker.WorkerTestKit.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.schemas.Topics;
import dev.groundstream.testing.MultiBrokerCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once of the worker on a real 3-broker KRaft cluster (replication factor 3,
 * min.insync.replicas 2, transaction state and offsets replicated too) while requests stream in:
 * the leader broker of the results is stopped (leadership moves), the worker is killed with an
 * open transaction, the broker comes back and preferred leaders are elected again (a second
 * leader change), the requests' leader broker is stopped, the worker is killed again. A
 * read_committed consumer then finds exactly one result per request: none lost, none duplicated.
 * Tagged multi-broker: -Pquick skips it while developing; CI runs it.
 */
@Tag("multi-broker")
class MultiBrokerExactlyOnceTest {
  private static final Logger LOG = LoggerFactory.getLogger(MultiBrokerExactlyOnceTest.class);
  private static final int REQUESTS = 240;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  private static boolean check(Check check) {
    try {
      return check.holds();
    } catch (Exception e) {
      return false;
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  /** Lets the running worker commit {@code requests} more, then kills it (open transaction left) and starts another. */
  private static GroundingWorker killAfter(GroundingWorker worker, int requests, WorkerConfig config) throws Exception {
    double start = worker.metrics().requestCount();
    await(requests + " more requests committed",
        () -> worker.metrics().requestCount() >= start + requests || worker.failure() != null);
    assertNull(worker.failure(), "the worker failed");
    worker.halt();
    return GroundingWorker.start(config);
  }

  @Test
  void everyRequestHasExactlyOneResultThroughBrokerStopsLeaderChangesAndWorkerKills() throws Exception {
    try (WorkerTestKit kit = WorkerTestKit.on(MultiBrokerCluster.start(3))) {
      MultiBrokerCluster cluster = kit.multiBroker();
      for (String topic : List.of(Topics.REQUESTS, Topics.RESULTS, Topics.DLQ)) {
        assertArrayEquals(new int[] {3, 3}, cluster.replicasAndIsr(topic, 0), topic + ": replicas and ISR");
      }
      AtomicReference<Exception> producerFailure = new AtomicReference<>();
      // The stream runs until every stop and kill is done (at least REQUESTS), so each new worker
      // always has requests left to commit however slow the broker changes are on a loaded machine.
      AtomicBoolean chaosDone = new AtomicBoolean();
      AtomicInteger sent = new AtomicInteger();
      Thread producer = new Thread(() -> {
        try {
          for (int i = 0; i < REQUESTS || !chaosDone.get(); i++) {
            kit.send(grayRequest(id("multi", i), i % 200));
            sent.incrementAndGet();
            Thread.sleep(25); // a stream: broker stops and kills land while requests still arrive
          }
        } catch (Exception e) {
          producerFailure.set(e);
        }
      }, "request-stream");
      WorkerConfig config = kit.config("fake-detector").withBatching(4, Duration.ofMillis(5), 16);
      producer.start();
      GroundingWorker worker = GroundingWorker.start(config);

      int resultsLeader = cluster.leaderOf(Topics.RESULTS, 0);
      worker = killAfter(worker, 12, config);
      LOG.info("stopping broker {}, leader of {}-0", resultsLeader, Topics.RESULTS);
      cluster.stopBroker(resultsLeader);
      await("leadership of results-0 moved", () -> check(() -> cluster.leaderOf(Topics.RESULTS, 0) != resultsLeader));
      worker = killAfter(worker, 12, config);

      cluster.startBroker(resultsLeader);
      await("broker " + resultsLeader + " back in the ISR", () -> check(() -> cluster.replicasAndIsr(Topics.RESULTS, 0)[1] == 3));
      try (Admin admin = cluster.admin()) { // the second leader change: back to the preferred replicas
        // A partition already led by its preferred replica (the controller may have moved it back
        // by itself) answers "election not needed": that is the state this step wants.
        admin.electLeaders(ElectionType.PREFERRED, Set.of(new TopicPartition(Topics.RESULTS, 0),
            new TopicPartition(Topics.REQUESTS, 0))).partitions().get(30, TimeUnit.SECONDS)
            .forEach((partition, error) -> error.filter(e -> !(e instanceof ElectionNotNeededException))
                .ifPresent(e -> fail("preferred election of " + partition + " failed: " + e)));
      }
      await("results-0 led by " + resultsLeader + " again", () -> check(() -> cluster.leaderOf(Topics.RESULTS, 0) == resultsLeader));
      worker = killAfter(worker, 12, config);

      int requestsLeader = cluster.leaderOf(Topics.REQUESTS, 0);
      LOG.info("stopping broker {}, leader of {}-0", requestsLeader, Topics.REQUESTS);
      cluster.stopBroker(requestsLeader);
      await("leadership of requests-0 moved", () -> check(() -> cluster.leaderOf(Topics.REQUESTS, 0) != requestsLeader));
      worker = killAfter(worker, 12, config);
      cluster.startBroker(requestsLeader);

      chaosDone.set(true);
      producer.join();
      assertNull(producerFailure.get());
      int total = sent.get();
      try (GroundingWorker survivor = worker) {
        List<GroundingResult> results = kit.readResults(r -> r.stream().map(GroundingResult::getRequestId)
            .distinct().count() >= total, Duration.ofSeconds(120));
        Map<UUID, Integer> perRequest = new HashMap<>();
        results.forEach(r -> perRequest.merge(r.getRequestId(), 1, Integer::sum));
        assertEquals(total, perRequest.size(), "every request has a result");
        for (int i = 0; i < total; i++) {
          assertEquals(1, perRequest.getOrDefault(id("multi", i), 0), "exactly one committed result for request " + i);
        }
        assertNull(survivor.failure(), "the last worker failed");
        assertNotEquals(0, results.size());
      }
    }
  }
}
