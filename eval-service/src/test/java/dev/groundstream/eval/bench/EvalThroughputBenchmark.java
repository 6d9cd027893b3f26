package dev.groundstream.eval.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.OperatingSystemMXBean;
import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.avro.Timings;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.protocol.ResultEvaluator;
import dev.groundstream.eval.streams.EvalCounters;
import dev.groundstream.eval.streams.EvalSerdes;
import dev.groundstream.eval.streams.EvalTopology;
import dev.groundstream.eval.streams.StreamsProperties;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.Topics;
import dev.groundstream.testing.OsThreadCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark harness, not a timed test: phrase evaluations per second through the eval topology, and
 * its cost per evaluation against {@link ResultEvaluator} alone on the same inputs, in one run:
 * <ol>
 *   <li>evaluator alone: {@code ResultEvaluator.evaluate} over every (result, truth) pair;</li>
 *   <li>topology only: the whole topology (Avro decode, join, stores, re-keyed deltas, three window
 *       aggregations, signals, encode) in a {@link TopologyTestDriver} fed pre-serialized bytes;</li>
 *   <li>end to end: the real service on the in-process KRaft broker, inputs produced beforehand,
 *       timed from the first to the last evaluation read back from {@code grounding.evaluations}.</li>
 * </ol>
 * Run (see eval-service/docs/benchmark.md):
 *
 * <pre>
 * mvn -B -ntp -o -pl eval-service test -Dtest=EvalThroughputBenchmark -Dgroundstream.benchmark=true \
 *   [-Dgroundstream.benchmark.requests=20000] [-Dgroundstream.benchmark.phrases=4] \
 *   [-Dgroundstream.benchmark.boxes=10] [-Dgroundstream.benchmark.broker=true] [-Dgroundstream.benchmark.driver=true]
 *   [-Dgroundstream.benchmark.timeout.minutes=10] [-Dgroundstream.benchmark.passthrough=true]
 * </pre>
 */
@ExtendWith(SharedKafka.class)
class EvalThroughputBenchmark {
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final String STREAMS_APP = "streams-app";
  private static boolean runPassThrough;

  @Test
  void topologyAgainstEvaluatorAlone() throws Exception {
    assumeTrue(Boolean.getBoolean("groundstream.benchmark"), "benchmark harness: run with -Dgroundstream.benchmark=true");
    int requests = Integer.getInteger("groundstream.benchmark.requests", 20_000);
    int phrases = Integer.getInteger("groundstream.benchmark.phrases", 4);
    int boxes = Integer.getInteger("groundstream.benchmark.boxes", 10);
    boolean broker = Boolean.parseBoolean(System.getProperty("groundstream.benchmark.broker", "true"));
    boolean driver = Boolean.parseBoolean(System.getProperty("groundstream.benchmark.driver", "true"));
    runPassThrough = Boolean.parseBoolean(System.getProperty("groundstream.benchmark.passthrough", "true"));

    double loadAtStart = OS.getSystemLoadAverage();
    RegistryConnection registry = SharedKafka.registry();
    EvalSerdes serdes = EvalSerdes.of(registry);
    Instant base = Instant.now().minusSeconds(3600);
    int warmUpRequests = Integer.getInteger("groundstream.benchmark.warmup.requests", requests);
    BenchInputs warmUp = BenchInputs.generate(warmUpRequests, phrases, boxes, new Random(7), serdes, base);
    warmUp.results().clear();
    warmUp.truths().clear();
    // Event times after the warm-up round's (each round spans 50 s), so none falls behind the window grace.
    BenchInputs inputs = BenchInputs.generate(requests, phrases, boxes, new Random(42), serdes, base.plusSeconds(60));
    long phraseEvaluations = (long) requests * phrases;

    System.out.printf(Locale.ROOT, "%nEVAL BENCHMARK requests=%d phrases/request=%d predicted boxes/phrase=%d"
        + " cores=%d load(1m) at start=%.2f%n", requests, phrases, boxes, OS.getAvailableProcessors(), loadAtStart);
    Phase evaluator = evaluatorAlone(inputs, 3);
    System.out.print(evaluator.line("evaluator alone (ResultEvaluator, 1 thread)", requests, phraseEvaluations));
    if (driver) {
      Phase topology = topologyTestDriver(registry, serdes, inputs);
      System.out.print(topology.line("topology (TopologyTestDriver, Avro in/out, RocksDB)", requests,
          phraseEvaluations));
      System.out.printf(Locale.ROOT, "cost ratio, CPU per evaluation: topology/evaluator = %.1fx%n",
          topology.cpuNanos / (double) evaluator.cpuNanos);
    }
    if (broker) {
      // The decoded objects were for the evaluator alone; the broker phase sends bytes. Dropping them
      // keeps the harness's live heap (and so GC work counted in the JVM's CPU) out of the service's figure.
      inputs.results().clear();
      inputs.truths().clear();
      System.gc();
      BrokerRun run = realBroker(warmUp, inputs);
      System.out.print(run.phase().line("end to end (in-process broker, EvalService " + extraServiceArgs()
          + ", measured round after a warm-up round of " + warmUp.size() + ")", requests, phraseEvaluations));
      StringBuilder breakdown = new StringBuilder("measured round, CPU by thread group (us/evaluation):");
      run.after().threadGroups().keySet().forEach(group -> breakdown.append(String.format(Locale.ROOT, " %s %.1f;",
          group, run.groupCpuNanos(group) / 1e3 / requests)));
      breakdown.append(String.format(Locale.ROOT, " JIT compiler + GC + ended threads %.1f",
          run.nonJavaThreadCpuNanos() / 1e3 / requests));
      System.out.println(breakdown);
      System.out.println("measured round, share of process CPU by OS thread name: "
          + run.after().osThreads().sharesSince(run.before().osThreads(), 12));
      double serviceCpu = run.groupCpuNanos(STREAMS_APP) / (double) requests;
      double evaluatorCpu = evaluator.cpuNanos / (double) requests;
      System.out.printf(Locale.ROOT, "cost ratio, CPU per evaluation: Streams app threads (stream threads + their"
              + " producers) %.1f us = %.1fx the evaluator alone; whole JVM (incl. broker, JIT, GC) %.1f us = %.1fx%n",
          serviceCpu / 1e3, serviceCpu / evaluatorCpu, run.phase().cpuNanos / 1e3 / requests,
          run.phase().cpuNanos / (double) requests / evaluatorCpu);
      if (run.passThrough() != null) {
        Phase pass = run.passThrough().phase();
        System.out.print(pass.line("bare pass-through Streams app (decode, re-key, produce)", requests,
            phraseEvaluations));
        System.out.printf(Locale.ROOT, "pass-through CPU by thread group (us/request): Streams app threads %.1f%n",
            run.passThrough().groupCpuNanos(STREAMS_APP) / 1e3 / requests);
        System.out.printf(Locale.ROOT, "RATIO eval end to end / bare pass-through = %.3f (requests/s %.0f / %.0f;"
                + " goal >= 0.5)%n", pass.wallNanos / (double) run.phase().wallNanos,
            requests / (run.phase().wallNanos / 1e9), requests / (pass.wallNanos / 1e9));
      }
    }
    System.out.printf(Locale.ROOT, "load(1m) at end=%.2f%n", OS.getSystemLoadAverage());
  }

  /** The evaluator on the same (result, truth) pairs; the last of {@code rounds} passes counts (JIT warm). */
  private static Phase evaluatorAlone(BenchInputs inputs, int rounds) {
    Phase last = null;
    Instant now = Instant.now();
    long checksum = 0;
    for (int round = 0; round < rounds; round++) {
      long cpu0 = OS.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < inputs.results().size(); i++) {
        checksum += ResultEvaluator.evaluate(inputs.results().get(i), inputs.truths().get(i), now).evaluation()
            .getPhrases().size();
      }
      last = new Phase(System.nanoTime() - t0, OS.getProcessCpuTime() - cpu0);
    }
    if (checksum == 0) {
      throw new IllegalStateException("nothing evaluated");
    }
    return last;
  }

  /** Truth first (stored), then results (each joins and evaluates); the result phase is timed. */
  private static Phase topologyTestDriver(RegistryConnection registry, EvalSerdes serdes, BenchInputs inputs)
      throws Exception {
    Path stateDir = Files.createTempDirectory("eval-bench-ttd");
    EvalConfig config = EvalConfig.defaults(KafkaConnection.of("unused:9092"), registry)
        .withApplicationId("bench-ttd-" + UUID.randomUUID()).withStateDir(stateDir);
    try (TopologyTestDriver driver = new TopologyTestDriver(
        new EvalTopology(config, serdes, EvalCounters.discarding()).build(), StreamsProperties.of(config, null, null))) {
      TestInputTopic<byte[], byte[]> truth = driver.createInputTopic(Topics.TRUTH, new ByteArraySerializer(),
          new ByteArraySerializer());
      TestInputTopic<byte[], byte[]> results = driver.createInputTopic(Topics.RESULTS, new ByteArraySerializer(),
          new ByteArraySerializer());
      TestOutputTopic<byte[], byte[]> evaluations = driver.createOutputTopic(Topics.EVALUATIONS,
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
      TestOutputTopic<byte[], byte[]> metrics = driver.createOutputTopic(Topics.METRICS,
          new ByteArrayDeserializer(), new ByteArrayDeserializer());
      for (int i = 0; i < inputs.size(); i++) {
        truth.pipeInput(inputs.keyBytes().get(i), inputs.truthBytes().get(i));
      }
      // Warm-up on a tenth of the results (re-produced later: an update re-evaluates, same work).
      int warm = inputs.size() / 10;
      for (int i = 0; i < warm; i++) {
        results.pipeInput(inputs.keyBytes().get(i), inputs.resultBytes().get(i));
      }
      drain(evaluations, metrics);
      long cpu0 = OS.getProcessCpuTime();
      long t0 = System.nanoTime();
      long seen = 0;
      for (int i = 0; i < inputs.size(); i++) {
        results.pipeInput(inputs.keyBytes().get(i), inputs.resultBytes().get(i));
        if (i % 1000 == 999) {
          seen += drain(evaluations, metrics); // outputs queue in memory: read them as a consumer would
        }
      }
      seen += drain(evaluations, metrics);
      Phase phase = new Phase(System.nanoTime() - t0, OS.getProcessCpuTime() - cpu0);
      if (seen != inputs.size()) {
        throw new IllegalStateException("expected " + inputs.size() + " evaluations, got " + seen);
      }
      return phase;
    }
  }

  private static long drain(TestOutputTopic<byte[], byte[]> evaluations, TestOutputTopic<byte[], byte[]> metrics) {
    metrics.readRecordsToList();
    return evaluations.readRecordsToList().size();
  }

  /**
   * Two rounds on one running service: a warm-up round (JIT compilation, store opening, group join),
   * then the measured round, produced while the service runs and timed from the start of its
   * production to its last evaluation read back, as a client of grounding.evaluations sees it.
   */
  private static BrokerRun realBroker(BenchInputs warmUp, BenchInputs measured) throws Exception {
    String bootstrap = SharedKafka.cluster().bootstrapServers();
    Map<String, String> environment = new java.util.HashMap<>(Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
        "GROUNDSTREAM_REGISTRY_URL", SharedKafka.registry().url()));
    // e.g. -Dgroundstream.benchmark.service.env=GROUNDSTREAM_KAFKA_MAX_TASK_IDLE_MS=-1 (comma-separated)
    for (String pair : System.getProperty("groundstream.benchmark.service.env", "").split(",")) {
      if (pair.contains("=")) {
        environment.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
      }
    }
    EvalConfig config = EvalConfig.fromEnvironmentAndArgs(environment,
        java.util.stream.Stream.concat(java.util.stream.Stream.of("--application-id=bench-" + UUID.randomUUID(),
            "--state-dir=" + Files.createTempDirectory("eval-bench-broker"), "--http-port=0"),
            extraServiceArgs().stream()).toList());
    String appId = config.applicationId();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new ByteArraySerializer(), new ByteArraySerializer());
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      // Topics first, with the service's own partitioning (EvalService.start would create them too).
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        TopicCreator.createMissing(admin, Topics.ALL);
      }
      // Fresh partitions: ask for their leaders first, so no batch waits on a partition that had none
      // when the producer first looked (seen once as a batch stuck for the whole delivery timeout).
      for (String topic : List.of(Topics.TRUTH, Topics.RESULTS)) {
        awaitLeaders(producer, topic);
      }
      produceRound(producer, warmUp);
      CpuSnapshot before;
      CpuSnapshot after;
      try (EvalService service = EvalService.start(config)) {
        consumer.subscribe(List.of(Topics.EVALUATIONS));
        awaitEvaluations(consumer, warmUp.size());
        before = CpuSnapshot.take(appId);
        produceRound(producer, measured);
        awaitEvaluations(consumer, measured.size());
        after = CpuSnapshot.take(appId);
      }
      BrokerRun passThrough = runPassThrough ? passThrough(bootstrap, warmUp.size(), measured.size()) : null;
      return new BrokerRun(before, after, passThrough);
    }
  }

  /**
   * The limit: {@link PassThroughStreamsApp} over the same records (both rounds, already on the
   * topics), its first round as warm-up, timed from its output of the warm-up round's records to its
   * last output read back. The inputs are already in the log and no producer competes for the cores,
   * so this is an upper bound of the pass-through and the ratio errs against the service.
   */
  private static BrokerRun passThrough(String bootstrap, int warmUp, int measured) throws Exception {
    PassThroughStreamsApp.createTopics(bootstrap);
    String appId = "bench-passthrough-" + UUID.randomUUID();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
         PassThroughStreamsApp app = PassThroughStreamsApp.start(bootstrap, appId, EvalSerdes.of(SharedKafka.registry()))) {
      consumer.subscribe(List.of(PassThroughStreamsApp.RESULTS_OUT, PassThroughStreamsApp.TRUTH_OUT));
      long seen = awaitRecords(consumer, 2L * warmUp, 0);
      CpuSnapshot before = CpuSnapshot.take(appId);
      awaitRecords(consumer, 2L * (warmUp + measured), seen);
      return new BrokerRun(before, CpuSnapshot.take(appId), null);
    }
  }

  private static long awaitRecords(KafkaConsumer<byte[], byte[]> consumer, long expected, long seen) {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (seen < expected && System.nanoTime() < deadline) {
      seen += consumer.poll(Duration.ofMillis(5)).count();
    }
    if (seen < expected) {
      throw new IllegalStateException(seen + " of " + expected + " pass-through records read in 10 min");
    }
    return seen;
  }

  /**
   * Record times as in the live system: the truth (written by ingest with the request) one second
   * before the result of the same request, so the service interleaves them and each result meets its
   * truth, instead of storing every result first and evaluating when the truths come.
   */
  private static void produceRound(KafkaProducer<byte[], byte[]> producer, BenchInputs inputs) {
    produceAll(producer, Topics.TRUTH, inputs.keyBytes(), inputs.truthBytes(), inputs.eventTimes(), -1000);
    produceAll(producer, Topics.RESULTS, inputs.keyBytes(), inputs.resultBytes(), inputs.eventTimes(), 0);
  }

  private static void awaitEvaluations(KafkaConsumer<byte[], byte[]> consumer, int expected) {
    Duration timeout = Duration.ofMinutes(Long.getLong("groundstream.benchmark.timeout.minutes", 10));
    long deadline = System.nanoTime() + timeout.toNanos();
    long seen = 0;
    while (seen < expected && System.nanoTime() < deadline) {
      seen += consumer.poll(Duration.ofMillis(20)).count();
    }
    if (seen != expected) {
      throw new IllegalStateException(seen + " of " + expected + " evaluations read in " + timeout.toMinutes() + " min");
    }
  }

  /** Wall clock, process CPU, CPU per Java thread group and per OS thread name at one moment. */
  private record CpuSnapshot(long wallNanos, long processCpuNanos, Map<String, Long> threadGroups,
      OsThreadCpu osThreads) {
    static CpuSnapshot take(String applicationId) {
      return new CpuSnapshot(System.nanoTime(), OS.getProcessCpuTime(), cpuByThreadGroup(applicationId),
          OsThreadCpu.snapshot());
    }
  }

  /** The measured round, between two snapshots. */
  private record BrokerRun(CpuSnapshot before, CpuSnapshot after, BrokerRun passThrough) {
    Phase phase() {
      return new Phase(after.wallNanos - before.wallNanos, after.processCpuNanos - before.processCpuNanos);
    }

    long groupCpuNanos(String group) {
      return after.threadGroups.getOrDefault(group, 0L) - before.threadGroups.getOrDefault(group, 0L);
    }

    /** Process CPU not spent in a live Java thread: JIT compiler and GC threads, threads that ended. */
    long nonJavaThreadCpuNanos() {
      long javaThreads = after.threadGroups.keySet().stream().mapToLong(this::groupCpuNanos).sum();
      return phase().cpuNanos - javaThreads;
    }
  }

  /** CPU time of the live Java threads, grouped: the service's Streams threads, the broker, the rest. */
  private static Map<String, Long> cpuByThreadGroup(String applicationId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new java.util.TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      String name = info.getThreadName();
      String group = name.contains(applicationId) ? STREAMS_APP
          : name.startsWith("data-plane") || name.startsWith("kafka-") && !name.startsWith("kafka-producer")
              || name.startsWith("quorum") || name.startsWith("broker") || name.startsWith("group-coordinator")
              || name.startsWith("controller") ? "broker"
          : name.equals("main") ? "bench client (main: produce, consume)" : "other";
      groups.merge(group, Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
    }
    return groups;
  }

  /** Service flags for the end-to-end phase, e.g. "--stream-threads=2 --commit-interval=5s". */
  private static List<String> extraServiceArgs() {
    String args = System.getProperty("groundstream.benchmark.service.args", "").trim();
    return args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
  }

  /** Waits until every partition of the topic has a leader in the producer's metadata. */
  private static void awaitLeaders(KafkaProducer<byte[], byte[]> producer, String topic) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (producer.partitionsFor(topic).stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no leader for every partition of " + topic + " after 2 min");
      }
      Thread.sleep(200);
    }
  }

  /**
   * Sends every record; records whose delivery failed are sent again (up to 3 rounds), because a lost
   * input would make the service's evaluation count fall short and the phase never end.
   */
  private static void produceAll(KafkaProducer<byte[], byte[]> producer, String topic, List<byte[]> keys,
      List<byte[]> values, List<Long> eventTimes, long timeOffsetMs) {
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      pending.add(i);
    }
    Exception lastError = null;
    for (int round = 0; round < 3 && !pending.isEmpty(); round++) {
      List<Integer> failed = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicReference<Exception> error = new AtomicReference<>();
      for (int i : pending) {
        producer.send(new ProducerRecord<>(topic, null, eventTimes.get(i) + timeOffsetMs, keys.get(i), values.get(i)),
            (metadata, e) -> {
          if (e != null) {
            failed.add(i);
            error.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
      pending = new ArrayList<>(failed);
      lastError = error.get();
      if (!pending.isEmpty()) {
        System.out.printf("retrying %d %s records after: %s%n", pending.size(), topic, lastError);
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(pending.size() + " benchmark inputs not produced", lastError);
    }
  }

  /** Wall and process CPU time of one phase. */
  private record Phase(long wallNanos, long cpuNanos) {
    String line(String name, int requests, long phraseEvaluations) {
      double seconds = wallNanos / 1e9;
      return String.format(Locale.ROOT, "%-55s %8.2f s  %10.0f evaluations/s  %10.0f phrase evaluations/s"
              + "  CPU %.1f us/evaluation%n", name, seconds, requests / seconds, phraseEvaluations / seconds,
          cpuNanos / 1e3 / requests);
    }
  }
}
