package dev.groundstream.launcher.commands;

import dev.groundstream.launcher.local.LocalCluster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The all-in-one local mode: everything in this JVM, data under --data-dir. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Run GroundStream on this machine: embedded Kafka, schema registry and the services.")
public final class LocalCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "groundstream-data",
      description = "Where Kafka keeps its data (default ./${DEFAULT-VALUE}); reused by the next start.")
  Path dataDir;

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port (default ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081", description = "Registry port (default ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--demo", description = "Stream the bundled photo benchmark and synthetic scenes.")
  boolean demo;

  @Option(names = "--exit-after-start", hidden = true, description = "Start, print the URLs and stop (smoke tests).")
  boolean exitAfterStart;

  @Override
  public Integer call() throws Exception {
    LocalCluster cluster = LocalCluster.start(dataDir, kafkaPort, registryPort);
    System.out.println("GroundStream local mode is up (data in " + dataDir.toAbsolutePath() + ")");
    System.out.println("  Kafka bootstrap servers : " + cluster.kafka().bootstrapServers());
    System.out.println("  Schema registry         : " + cluster.registry().url() + "/subjects");
    System.out.println("  Topics and their schemas are created and registered.");
    System.out.println("  Not in this build yet: ingest API, grounding worker, eval dashboard and sinks"
        + (demo ? "; --demo has nothing to stream until they land." : "."));
    if (exitAfterStart) {
      cluster.close();
      return 0;
    }
    System.out.println("Press Ctrl-C to stop.");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cluster.close();
      stopped.countDown();
    }, "local-shutdown"));
    stopped.await();
    return 0;
  }
}
