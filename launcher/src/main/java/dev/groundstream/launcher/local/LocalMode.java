package dev.groundstream.launcher.local;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.WorkerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything of GroundStream in one JVM: the embedded broker and registry ({@link LocalCluster}),
 * Kafka Connect with the DuckDB sink, the ingest API, a grounding worker with the given model and
 * the eval service with its dashboard. All state lives under {@code dataDir}, so a second start
 * resumes where the first stopped: Kafka keeps the topics and consumer offsets, Connect's sink
 * offsets are in Kafka, the eval service's state is rebuilt from its changelogs.
 */
public final class LocalMode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalMode.class);
  static final String SINK_NAME = "groundstream-duckdb";
  /** The local mode's single tenant and its API key; only loopback listens, so a fixed key is fine. */
  public static final String LOCAL_TENANT = "local";
  public static final String LOCAL_API_KEY = "groundstream-local";

  private final ClusterConnections cluster;
  private final IngestService ingest;
  private final GroundingWorker worker;
  private final List<GroundingWorker> alsoWorkers;
  private final EvalService eval;
  private final Path duckDbFile;
  private final Deque<AutoCloseable> stopOrder;

  private LocalMode(ClusterConnections cluster, IngestService ingest, GroundingWorker worker,
      List<GroundingWorker> alsoWorkers, EvalService eval, Path duckDbFile, Deque<AutoCloseable> stopOrder) {
    this.cluster = cluster;
    this.ingest = ingest;
    this.worker = worker;
    this.alsoWorkers = List.copyOf(alsoWorkers);
    this.eval = eval;
    this.duckDbFile = duckDbFile;
    this.stopOrder = stopOrder;
  }

  /** Starts every part on an embedded broker and registry; on failure stops what runs and rethrows. */
  public static LocalMode start(Path dataDir, Path modelDir, LocalPorts ports) throws Exception {
    return start(dataDir, modelDir, List.of(), ports);
  }

  /** As {@link #start(Path, Path, LocalPorts)}, with one more worker per model of {@code alsoModels}. */
  public static LocalMode start(Path dataDir, Path modelDir, List<Path> alsoModels, LocalPorts ports)
      throws Exception {
    Files.createDirectories(dataDir);
    return start(dataDir, modelDir, alsoModels, ports, LocalCluster.start(dataDir, ports.kafka(), ports.registry()));
  }

  /** Starts the services, Connect and the sink on {@code cluster}, which the local mode then owns. */
  public static LocalMode start(Path dataDir, Path modelDir, LocalPorts ports, ClusterConnections cluster)
      throws Exception {
    return start(dataDir, modelDir, List.of(), ports, cluster);
  }

  /**
   * As {@link #start(Path, Path, LocalPorts, ClusterConnections)}; each of {@code alsoModels} gets a
   * worker of its own beside the main one (its own consumer group: side-by-side versions).
   */
  public static LocalMode start(Path dataDir, Path modelDir, List<Path> alsoModels, LocalPorts ports,
      ClusterConnections cluster) throws Exception {
    Files.createDirectories(dataDir);
    Path blobs = Files.createDirectories(dataDir.resolve("blobs"));
    Path duckDb = dataDir.resolve("groundstream.duckdb").toAbsolutePath();
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      started.push(cluster);
      KafkaConnection kafka = cluster.kafka();
      RegistryConnection registry = cluster.registry();

      EmbeddedConnect connect = EmbeddedConnect.start(kafka.bootstrapServers(),
          Files.createDirectories(dataDir.resolve("connect")));
      started.push(connect);
      connect.putConnector(SINK_NAME, duckDbSink(registry.url(), duckDb));

      IngestService ingest = IngestService.start(IngestConfig.of(kafka, registry, Map.of(
          IngestConfig.HOST, "127.0.0.1",
          IngestConfig.PORT, Integer.toString(ports.ingest()),
          IngestConfig.BLOB_DIR, blobs.toString(),
          IngestConfig.API_KEYS, LOCAL_TENANT + ":" + sha256Hex(LOCAL_API_KEY))));
      started.push(ingest::close);

      GroundingWorker worker = GroundingWorker.start(WorkerConfig.defaults(kafka, registry, modelDir)
          .withBlobDir(blobs).withHttpPort(ports.worker()).withHttpHost("127.0.0.1"));
      started.push(worker::close);
      List<GroundingWorker> alsoWorkers = new ArrayList<>();
      for (Path also : alsoModels) {
        GroundingWorker extra = GroundingWorker.start(WorkerConfig.defaults(kafka, registry, also)
            .withBlobDir(blobs).withHttpPort(0).withHttpHost("127.0.0.1"));
        started.push(extra::close);
        alsoWorkers.add(extra);
      }

      EvalService eval = EvalService.start(EvalConfig.defaults(kafka, registry)
          .withStateDir(Files.createDirectories(dataDir.resolve("eval-state")))
          .withBlobDir(blobs) // the dashboard's image viewer serves claim-checked images from here
          .withHttpPort(ports.eval()));
      started.push(eval::close);
      LOG.info("GroundStream local mode started in {}", dataDir.toAbsolutePath());
      return new LocalMode(cluster, ingest, worker, alsoWorkers, eval, duckDb, started);
    } catch (Exception | Error e) {
      stopAll(started);
      throw e;
    }
  }

  /** The DuckDB JDBC sink of results, evaluations and metrics (sink-connectors/examples). */
  static Map<String, String> duckDbSink(String registryUrl, Path duckDb) {
    return Map.ofEntries(
        Map.entry("connector.class", "dev.groundstream.sinks.jdbc.JdbcSinkConnector"),
        Map.entry("tasks.max", "1"),
        Map.entry("topics", "grounding.results,grounding.evaluations,grounding.metrics"),
        Map.entry("key.converter", "dev.groundstream.sinks.converter.AvroConverter"),
        Map.entry("key.converter.schema.registry.url", registryUrl),
        Map.entry("value.converter", "dev.groundstream.sinks.converter.AvroConverter"),
        Map.entry("value.converter.schema.registry.url", registryUrl),
        Map.entry("connection.url", "jdbc:duckdb:" + duckDb),
        Map.entry("errors.tolerance", "all"),
        Map.entry("errors.log.enable", "true"),
        Map.entry("errors.deadletterqueue.topic.name", LocalCluster.CONNECT_DLQ),
        Map.entry("errors.deadletterqueue.topic.replication.factor", "1"));
  }

  private static String sha256Hex(String text) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  public KafkaConnection kafka() {
    return cluster.kafka();
  }

  public RegistryConnection registry() {
    return cluster.registry();
  }

  public String ingestUrl() {
    return "http://127.0.0.1:" + ingest.port();
  }

  public String dashboardUrl() {
    return "http://127.0.0.1:" + eval.httpPort();
  }

  /** The worker's consumer group (grounding-worker.&lt;model&gt;.&lt;version&gt;): what its lag is measured on. */
  public String workerGroup() {
    return worker.groupId();
  }

  /** The workers of {@code --also-model}, in the order given. */
  public List<GroundingWorker> alsoWorkers() {
    return alsoWorkers;
  }

  public String workerUrl() {
    return "http://127.0.0.1:" + worker.httpPort();
  }

  /** Starts {@code local --demo}'s stream of the photo benchmark on a daemon thread. */
  public Thread startDemo(Path photos, Path dataDir, double eventsPerSecond) {
    Thread thread = new Thread(new DemoStream(this, photos, dataDir, eventsPerSecond), "demo-stream");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  public Path duckDbFile() {
    return duckDbFile;
  }

  /** Stops in reverse start order: services first, the broker last. */
  @Override
  public void close() {
    stopAll(stopOrder);
  }

  private static void stopAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("Error while stopping {}: {}", part, e.toString());
      }
    }
  }
}
