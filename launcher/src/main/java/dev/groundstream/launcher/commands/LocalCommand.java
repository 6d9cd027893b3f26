package dev.groundstream.launcher.commands;

import dev.groundstream.launcher.console.ConsoleLogging;
import dev.groundstream.launcher.local.ExistingCluster;
import dev.groundstream.launcher.local.LocalMode;
import dev.groundstream.launcher.local.LocalPorts;
import dev.groundstream.worker.GroundingWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The all-in-one local mode: everything in this JVM, data under --data-dir. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Run GroundStream on this machine: embedded Kafka, schema registry, Connect (DuckDB sink), "
        + "ingest API, grounding worker and eval dashboard.")
public final class LocalCommand implements Callable<Integer> {
  /** Longest a Ctrl-C may take before the process is halted. */
  private static final java.time.Duration SHUTDOWN_BUDGET = java.time.Duration.ofSeconds(60);

  @Option(names = "--data-dir", defaultValue = "groundstream-data",
      description = "Where all state lives (default ./${DEFAULT-VALUE}); the next start resumes from it.")
  Path dataDir;

  @Option(names = "--model", description = "Model folder (default models/people-ranker, else models/centernet-ranker).")
  Path model;

  @Option(names = "--also-model", paramLabel = "DIR", description = "One more model version to run side by side "
      + "on the same requests, under its own consumer group (repeatable).")
  List<Path> alsoModels = new ArrayList<>();

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port (default ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081", description = "Registry port (default ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--ingest-port", defaultValue = "8080", description = "Ingest API port (default ${DEFAULT-VALUE}).")
  int ingestPort;

  @Option(names = "--dashboard-port", defaultValue = "8083", description = "Eval dashboard port (default ${DEFAULT-VALUE}).")
  int dashboardPort;

  @Option(names = "--worker-port", defaultValue = "8084", description = "Worker /health, /metrics port (default ${DEFAULT-VALUE}).")
  int workerPort;

  @Mixin ConnectionOptions connection;

  @Option(names = "--demo", description = "Stream the bundled photo benchmark, then synthetic scenes as live traffic.")
  boolean demo;

  @Option(names = "--demo-rate", defaultValue = "2", description = "Demo requests per second (default ${DEFAULT-VALUE}).")
  double demoRate;

  @Option(names = "--verbose", description = "Print the full logs on the console too (default: status lines and "
      + "errors only; the full logs are always in <data-dir>/logs/groundstream.log).")
  boolean verbose;

  @Option(names = "--exit-after-start", hidden = true, description = "Start, print the URLs and stop (smoke tests).")
  boolean exitAfterStart;

  @Override
  public Integer call() throws Exception {
    Path modelDir = model != null ? model : defaultModel();
    try {
      sideBySideGroups(modelDir);
    } catch (BadInput e) {
      return e.report("local");
    }
    Path logFile = ConsoleLogging.routeLogs(dataDir, verbose);
    System.out.println("Starting GroundStream local mode (full logs: " + logFile + ")");
    LocalPorts ports = new LocalPorts(kafkaPort, registryPort, ingestPort, dashboardPort, workerPort);
    LocalMode local = connection.pointsAtExistingCluster()
        ? LocalMode.start(dataDir, modelDir, alsoModels, ports, ExistingCluster.prepare(connection.kafka(), connection.registry()))
        : LocalMode.start(dataDir, modelDir, alsoModels, ports);
    System.out.println();
    System.out.println("GroundStream local mode is up (data in " + dataDir.toAbsolutePath() + ", model " + modelDir + ")");
    System.out.println("  Dashboard        : " + local.dashboardUrl() + "/");
    System.out.println("  Ingest API       : " + local.ingestUrl() + "/v1/requests  (header X-API-Key: "
        + LocalMode.LOCAL_API_KEY + ")");
    System.out.println("  Results          : " + local.ingestUrl() + "/v1/requests/{id}/result?wait=10s");
    System.out.println("  Schema registry  : " + local.registry().url() + "/subjects");
    System.out.println("  Worker metrics   : " + local.workerUrl() + "/metrics");
    for (GroundingWorker also : local.alsoWorkers()) {
      System.out.println("  Also grounding   : " + also.modelId() + " (group " + also.groupId() + ", metrics http://127.0.0.1:"
          + also.httpPort() + "/metrics)");
    }
    System.out.println("  Kafka            : " + local.kafka().bootstrapServers());
    System.out.println("  DuckDB sink      : " + local.duckDbFile());
    System.out.println("  Logs             : " + logFile + (verbose ? "" : " (--verbose: on the console too)"));
    if (exitAfterStart) {
      local.close();
      return 0;
    }
    Thread demoThread = null;
    if (demo) {
      demoThread = local.startDemo(Path.of("datasets", "groundstream-photos"), dataDir, demoRate);
      System.out.println("  Demo             : streaming datasets/groundstream-photos at " + demoRate + " requests/s");
    }
    System.out.println("Press Ctrl-C to stop.");
    CountDownLatch stopped = new CountDownLatch(1);
    Thread demoToStop = demoThread;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Ctrl-C must end the process even if a component's close blocks: everything is committed
      // transactionally, so halting after a bounded wait loses nothing that was acknowledged.
      Thread watchdog = new Thread(() -> {
        try {
          Thread.sleep(SHUTDOWN_BUDGET.toMillis());
          System.err.println("GroundStream local mode did not stop within " + SHUTDOWN_BUDGET.toSeconds()
              + " s; halting (see the log in " + dataDir.resolve("logs") + ")");
          // What blocked the close, for the log: every thread's stack.
          Thread.getAllStackTraces().forEach((thread, stack) -> {
            System.err.println("thread " + thread.getName() + " " + thread.getState());
            for (StackTraceElement frame : stack) {
              System.err.println("    at " + frame);
            }
          });
          Runtime.getRuntime().halt(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "local-shutdown-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      if (demoToStop != null) {
        demoToStop.interrupt();
      }
      local.close();
      watchdog.interrupt();
      stopped.countDown();
    }, "local-shutdown"));
    stopped.await();
    return 0;
  }

  /** --model and every --also-model must be model folders, each of another model version. */
  private void sideBySideGroups(Path modelDir) {
    Set<String> groups = new HashSet<>();
    groups.add(BadInput.modelFolder(modelDir).consumerGroup());
    for (Path also : alsoModels) {
      String group = BadInput.modelFolder(also).consumerGroup();
      if (!groups.add(group)) {
        throw new BadInput("--also-model " + also + " is a model version that already runs (" + group + ")");
      }
    }
  }

  /**
   * models/people-ranker (CenterNet + MoveNet pose stage + people ranker; better than
   * centernet-ranker on the held-out people-test split, docs/benchmarks/photo-benchmark.md) when its
   * pose stage is in the checkout, else models/centernet-ranker, else the bare detector.
   */
  private static Path defaultModel() {
    Path people = Path.of("models", "people-ranker");
    if (Files.isDirectory(people) && Files.isRegularFile(Path.of("models", "movenet-multipose", "model.onnx"))) {
      return people;
    }
    Path ranker = Path.of("models", "centernet-ranker");
    return Files.isDirectory(ranker) ? ranker : Path.of("models", "centernet-coco");
  }
}
