package dev.groundstream.launcher.journey;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.launcher.local.DuckDbQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code groundstream local} as a separate process on free ports (all 0) and a temp data dir: waits
 * for the printed URLs and parses them, so a journey test talks to it only as a user would — over
 * HTTP, Kafka (read_committed) and the DuckDB file.
 */
public final class LocalModeProcess implements AutoCloseable {
  /** The local mode's fixed API key (LocalMode.LOCAL_API_KEY), as the README tells users. */
  public static final String API_KEY = "groundstream-local";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Pattern READY = Pattern.compile("Press Ctrl-C to stop");

  private final LauncherProcess process;
  private final Path dataDir;
  private final String dashboardUrl;
  private final String ingestUrl;
  private final String registryUrl;
  private final String workerUrl;
  private final String kafkaBootstrap;
  private final Path duckDbFile;

  private LocalModeProcess(LauncherProcess process, Path dataDir) throws InterruptedException {
    this.process = process;
    this.dataDir = dataDir;
    process.awaitLine(READY, START_TIMEOUT);
    this.dashboardUrl = stripSuffix(value("Dashboard"), "/");
    this.ingestUrl = stripSuffix(firstWord(value("Ingest API")), "/v1/requests");
    this.registryUrl = stripSuffix(value("Schema registry"), "/subjects");
    this.workerUrl = stripSuffix(value("Worker metrics"), "/metrics");
    this.kafkaBootstrap = value("Kafka");
    this.duckDbFile = Path.of(value("DuckDB sink"));
  }

  /**
   * Starts {@code local --data-dir dataDir} with every port 0 plus {@code extraArgs} (e.g.
   * {@code --model models/noop-detector}); output goes to {@code dataDir/../<name>.log}.
   */
  public static LocalModeProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("local", "--data-dir", dataDir.toAbsolutePath().toString(),
        "--kafka-port", "0", "--registry-port", "0", "--ingest-port", "0", "--dashboard-port", "0",
        "--worker-port", "0"));
    args.addAll(List.of(extraArgs));
    Path log = dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-local.log");
    LauncherProcess process = LauncherProcess.start(log, args);
    try {
      return new LocalModeProcess(process, dataDir);
    } catch (RuntimeException | Error | InterruptedException e) {
      process.close();
      throw e;
    }
  }

  /** The value printed after "label :" in the start banner. */
  private String value(String label) {
    var matcher = Pattern.compile("^\\s*" + Pattern.quote(label) + "\\s*:\\s*(\\S.*?)\\s*$", Pattern.MULTILINE)
        .matcher(process.output());
    if (!matcher.find()) {
      throw new AssertionError("local mode printed no '" + label + "' line:\n" + process.tail());
    }
    return matcher.group(1);
  }

  private static String firstWord(String text) {
    return text.split("\\s+")[0];
  }

  private static String stripSuffix(String text, String suffix) {
    return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
  }

  public LauncherProcess process() {
    return process;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  public String dashboardUrl() {
    return dashboardUrl;
  }

  /** The ingest API's base URL; requests go to {@code ingestUrl() + "/v1/requests"}. */
  public String ingestUrl() {
    return ingestUrl;
  }

  public String registryUrl() {
    return registryUrl;
  }

  public String workerUrl() {
    return workerUrl;
  }

  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  public Path duckDbFile() {
    return duckDbFile;
  }

  public KafkaConnection kafka() {
    return KafkaConnection.of(kafkaBootstrap);
  }

  public RegistryConnection registry() {
    return RegistryConnection.of(registryUrl);
  }

  /** The connection flags other commands take to join this cluster. */
  public List<String> connectionArgs() {
    return List.of("--bootstrap-servers", kafkaBootstrap, "--registry-url", registryUrl);
  }

  /** Reads topics of this cluster with isolation.level=read_committed, as a downstream consumer would. */
  public CommittedTopics committed() {
    return new CommittedTopics(kafka(), registry());
  }

  /**
   * Counts rows of the DuckDB sink in a separate JVM; DuckDB allows one writer process per file,
   * so call it after {@link #stop}.
   */
  public int duckDbCount(String sql) throws IOException, InterruptedException {
    return DuckDbQuery.count(duckDbFile, sql);
  }

  /** Stops the local mode as Ctrl-C would and returns its exit code. */
  public int stop() throws InterruptedException {
    process.interrupt();
    return process.awaitExit(Duration.ofMinutes(2));
  }

  @Override
  public void close() {
    process.close();
  }
}
