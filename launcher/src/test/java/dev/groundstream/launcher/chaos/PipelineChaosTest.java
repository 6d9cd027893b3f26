package dev.groundstream.launcher.chaos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.launcher.journey.CommittedTopics;
import dev.groundstream.launcher.local.EmbeddedConnect;
import dev.groundstream.launcher.local.ExistingCluster;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.testing.MultiBrokerCluster;
import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.WorkerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once of the whole pipeline on a real 3-broker KRaft cluster (every project topic with
 * replication factor 3 and min.insync.replicas 2): synthetic requests with truth stream through a
 * grounding worker, the eval service (Kafka Streams, exactly_once_v2) and the JDBC sink in a real
 * Kafka Connect runtime writing to PostgreSQL, while the partition-leader broker is stopped and
 * started twice and the worker is halted mid-transaction five times (a new one joins its group
 * each time). Afterwards, read_committed: exactly one result and one evaluation per request, the
 * service's all-time metrics equal a recount from the evaluations, and the sink's tables hold one
 * row per distinct key. Tagged multi-broker: -Pquick skips it; CI runs it.
 */
@Tag("multi-broker")
class PipelineChaosTest {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineChaosTest.class);
  private static final int REQUESTS = 5_000;
  private static final int COMMITS_BETWEEN_HALTS = 150;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);
  private static final Path MODEL = Path.of("..", "grounding-worker", "src", "test", "resources", "models", "fake-detector");
  private static final String MODEL_ID = "fake-detector:1.0.0";

  @TempDir Path dir;
  /** The worker that runs now (the ones before it were halted); closed when the test ends. */
  private GroundingWorker worker;

  @Test
  void everyRequestHasOneResultOneEvaluationAndOneRowThroughLeaderStopsAndWorkerHalts() throws Exception {
    long started = System.nanoTime();
    try (PostgresSchema pg = PostgresSchema.create("gs_chaos");
         MultiBrokerCluster cluster = MultiBrokerCluster.start(3);
         SchemaRegistryServer registry = SchemaRegistryServer.start(
             SchemaRegistryServerConfig.forBootstrapServers(cluster.bootstrapServers()))) {
      KafkaConnection kafka = KafkaConnection.of(cluster.bootstrapServers());
      RegistryConnection registryConnection = RegistryConnection.of(registry.url());
      ExistingCluster.prepare(kafka, registryConnection); // the project's topics, as the local mode creates them
      assertReplicated(cluster);

      try (EmbeddedConnect connect = EmbeddedConnect.start(cluster.bootstrapServers(),
               Files.createDirectories(dir.resolve("connect")));
           EvalService eval = EvalService.start(EvalConfig.defaults(kafka, registryConnection)
               .withStateDir(Files.createDirectories(dir.resolve("eval-state"))).withHttpPort(0)
               .withProcessingGuarantee(EvalConfig.EXACTLY_ONCE_V2));
           TruthfulTraffic traffic = new TruthfulTraffic(kafka, registryConnection);
           AutoCloseable lastWorker = this::closeWorker) {
        connect.putConnector("chaos-postgres", postgresSink(registry.url(), pg.url()));
        // Up to 32 requests per transaction (the model still infers 8 at a time): fewer commits on
        // the replicated transaction log keep the run short on a loaded machine.
        int total = streamThroughChaos(cluster, traffic, WorkerConfig.defaults(kafka, registryConnection, MODEL)
            .withBatching(32, Duration.ofMillis(50), 128).withHttpPort(-1));
        LOG.info("{} requests sent through the chaos after {} s", total, seconds(started));
        CommittedTopics committed = new CommittedTopics(kafka, registryConnection);

        List<GroundingResult> results = committed.await(Topics.RESULTS, GroundingResult.class,
            r -> TruthfulTraffic.DATASET.equals(r.getDataset()), total, DRAIN_TIMEOUT);
        assertExactlyOncePerRequest(total, results, GroundingResult::getRequestId, "committed result");
        LOG.info("{} committed results read after {} s", results.size(), seconds(started));
        List<Evaluation> evaluations = committed.await(Topics.EVALUATIONS, Evaluation.class,
            e -> TruthfulTraffic.DATASET.equals(e.getDataset()), total, DRAIN_TIMEOUT);
        assertExactlyOncePerRequest(total, evaluations, Evaluation::getRequestId, "evaluation");
        LOG.info("{} committed evaluations read after {} s", evaluations.size(), seconds(started));
        assertTrue(evaluations.stream().allMatch(e -> MODEL_ID.equals(e.getModel().getName() + ":" + e.getModel().getVersion())));

        Map<String, String> recount = MetricsRecount.of(evaluations);
        TruthfulTraffic.evaluablePhrases(total).forEach((category, evaluable) -> assertTrue(
            recount.getOrDefault(category, "").startsWith(evaluable + "/"), category + ": " + recount));
        Map<String, String> reported = awaitEqual(recount, () -> MetricsRecount.ofSnapshots(committed.readAll(
            Topics.METRICS, AccuracySnapshot.class, s -> TruthfulTraffic.DATASET.equals(s.getDataset())
                && MODEL_ID.equals(s.getModel()) && "all-time".equals(s.getWindow()))));
        assertEquals(recount, reported, "all-time metrics on " + Topics.METRICS + " (evaluable/hits@1/@5/@10/upper/merged/pointing)");
        LOG.info("metrics recount {}", recount);

        long rows = awaitEqual((long) total, () -> pg.count("SELECT count(*) FROM grounding_results"));
        assertEquals(total, rows, "rows in grounding_results");
        assertEquals(total, pg.count("SELECT count(DISTINCT request_id) FROM grounding_results"));
        assertEquals((long) total, awaitEqual((long) total, () -> pg.count("SELECT count(*) FROM grounding_evaluations")),
            "rows in grounding_evaluations");
        assertEquals(total, pg.count("SELECT count(DISTINCT request_id) FROM grounding_evaluations"));
        LOG.info("pipeline chaos test: {} requests, {} results, {} evaluations, {} + {} rows in {} s", total,
            results.size(), evaluations.size(), rows, total, seconds(started));
      }
    }
  }

  /**
   * Streams requests (at least {@link #REQUESTS}, more while the chaos lasts) and meanwhile halts
   * the worker five times and stops and restarts the leader broker of requests-0, then of
   * results-0. Returns how many requests were sent; the last worker keeps running ({@link #worker}).
   */
  private int streamThroughChaos(MultiBrokerCluster cluster, TruthfulTraffic traffic, WorkerConfig config)
      throws Exception {
    AtomicBoolean chaosDone = new AtomicBoolean();
    AtomicInteger sent = new AtomicInteger();
    AtomicReference<RuntimeException> streamFailure = new AtomicReference<>();
    Thread stream = new Thread(() -> {
      try {
        for (int n = 0; n < REQUESTS || !chaosDone.get(); n++) {
          traffic.send(n);
          sent.incrementAndGet();
          if (n % 8 == 7) {
            Thread.sleep(100); // about 80 requests/s: broker stops and halts land mid-stream
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        streamFailure.set(e);
      }
    }, "truthful-traffic");
    stream.start();
    worker = GroundingWorker.start(config);
    worker = haltAfterCommits(worker, config, 1);

    worker = leaderOutage(cluster, Topics.REQUESTS, worker, config, 2);
    worker = haltAfterCommits(worker, config, 3);
    worker = leaderOutage(cluster, Topics.RESULTS, worker, config, 4);
    worker = haltAfterCommits(worker, config, 5);

    chaosDone.set(true);
    stream.join();
    traffic.flush();
    assertNull(streamFailure.get(), "the request stream failed");
    assertNull(traffic.failure(), "a request or truth was not accepted");
    assertTrue(sent.get() >= REQUESTS, sent.get() + " requests sent");
    assertNull(worker.failure(), "the last worker failed");
    return sent.get();
  }

  private void closeWorker() throws InterruptedException {
    if (worker != null) {
      worker.close();
    }
  }

  /** Lets the worker commit more requests, then halts it with its transaction open and starts another. */
  /**
   * Stops the broker leading {@code topic}-0, waits for leadership to move, halts the worker
   * ({@code halt}) while that broker is down, restarts it and waits until it is back in the ISR.
   */
  private static GroundingWorker leaderOutage(MultiBrokerCluster cluster, String topic, GroundingWorker worker,
      WorkerConfig config, int halt) throws Exception {
    int leader = cluster.leaderOf(topic, 0);
    LOG.info("stopping broker {}, leader of {}-0", leader, topic);
    cluster.stopBroker(leader);
    await("leadership of " + topic + "-0 moved", () -> cluster.leaderOf(topic, 0) != leader);
    GroundingWorker next = haltAfterCommits(worker, config, halt);
    cluster.startBroker(leader);
    await("broker " + leader + " back in the ISR", () -> cluster.replicasAndIsr(topic, 0)[1] == 3);
    return next;
  }

  private static GroundingWorker haltAfterCommits(GroundingWorker worker, WorkerConfig config, int halt) throws Exception {
    double start = worker.metrics().requestCount();
    await(COMMITS_BETWEEN_HALTS + " more requests committed before halt " + halt,
        () -> worker.metrics().requestCount() >= start + COMMITS_BETWEEN_HALTS || worker.failure() != null);
    assertNull(worker.failure(), "the worker failed");
    LOG.info("halting the worker ({})", halt);
    worker.halt();
    return GroundingWorker.start(config);
  }

  private static void assertReplicated(MultiBrokerCluster cluster) throws Exception {
    try (Admin admin = cluster.admin()) {
      for (var topic : Topics.ALL) {
        assertArrayEquals(new int[] {3, 3}, cluster.replicasAndIsr(topic.name(), 0), topic.name() + ": replicas and ISR");
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        assertEquals("2", config.get("min.insync.replicas").value(), topic.name() + ": min.insync.replicas");
      }
    }
  }

  private static <T> void assertExactlyOncePerRequest(int total, List<T> records, Function<T, UUID> requestId,
      String what) {
    Map<UUID, Integer> perRequest = new HashMap<>();
    records.forEach(r -> perRequest.merge(requestId.apply(r), 1, Integer::sum));
    for (int n = 0; n < total; n++) {
      assertEquals(1, perRequest.getOrDefault(TruthfulTraffic.id(n), 0), "exactly one " + what + " for request " + n);
    }
    assertEquals(total, records.size(), what + "s of this run");
  }

  /** The sink: results and evaluations into PostgreSQL (EmbeddedConnect's consumers read committed only). */
  private static Map<String, String> postgresSink(String registryUrl, String url) {
    return Map.of(
        "connector.class", "dev.groundstream.sinks.jdbc.JdbcSinkConnector",
        "tasks.max", "1",
        "topics", Topics.RESULTS + "," + Topics.EVALUATIONS,
        "key.converter", "dev.groundstream.sinks.converter.AvroConverter",
        "key.converter.schema.registry.url", registryUrl,
        "value.converter", "dev.groundstream.sinks.converter.AvroConverter",
        "value.converter.schema.registry.url", registryUrl,
        "connection.url", url,
        "connection.user", "postgres");
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private interface Probe<T> {
    T get() throws Exception;
  }

  private static void await(String what, Check check) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (true) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (Exception e) {
        // metadata in flux while a broker stops: ask again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Probes until it returns {@code expected} or the drain timeout passes; returns the last value. */
  private static <T> T awaitEqual(T expected, Probe<T> probe) throws Exception {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    T last = probe.get();
    while (!expected.equals(last) && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      last = probe.get();
    }
    return last;
  }

  private static long seconds(long startNanos) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
  }
}
