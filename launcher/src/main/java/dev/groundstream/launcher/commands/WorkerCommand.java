package dev.groundstream.launcher.commands;

import dev.groundstream.config.ServerTls;
import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.LiveSubscription;
import dev.groundstream.worker.OutcomeCounts;
import dev.groundstream.worker.WorkerConfig;
import dev.groundstream.worker.model.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One more model version on the live request stream, beside the one already running: its own
 * consumer group (grounding-worker.&lt;model&gt;.&lt;version&gt;), so it reads every request without
 * taking any from the current version — shadow traffic for a trial before a switch.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Ground the live request stream with one more model version, beside the current one.")
public final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "Model folder with groundstream-model.json.")
  Path model;

  @Option(names = "--from", defaultValue = "latest", description = "Where a new version starts: 'latest' "
      + "(default: requests from now on) or 'beginning' (the whole history first). A version that ran before "
      + "continues where it stopped.")
  String from;

  @Option(names = "--blob-dir", description = "Folder of claim-checked images (the local mode's: <data-dir>/blobs). "
      + "Default: ./groundstream-data/blobs when it exists.")
  Path blobDir;

  @Option(names = "--http-port", defaultValue = "0", description = "/health and /metrics port (default: any free one).")
  int httpPort;

  @Mixin ConnectionOptions connection;

  @Mixin TlsOptions tlsOptions;

  @Override
  public Integer call() throws Exception {
    ModelCard card;
    LiveSubscription.Start start;
    Optional<ServerTls> tls;
    try {
      tls = tlsOptions.read("worker");
      card = BadInput.modelFolder(model);
      start = parseStart(from);
      if (blobDir != null && !Files.isDirectory(blobDir)) {
        throw new BadInput("--blob-dir " + blobDir + ": no such folder");
      }
    } catch (BadInput e) {
      return e.report("worker");
    }
    WorkerConfig config = WorkerConfig.defaults(connection.kafka(), connection.registry(), model).withHttpPort(httpPort);
    Path blobs = blobDir != null ? blobDir : Path.of("groundstream-data", "blobs");
    if (Files.isDirectory(blobs)) {
      config = config.withBlobDir(blobs);
    }
    if (tls.isPresent()) {
      config = config.withTls(tls.get());
    }
    GroundingWorker worker = GroundingWorker.start(config, start);
    System.out.println("Worker for " + worker.modelId() + " (" + card.kind().cardName() + ") on "
        + worker.provider() + ", consumer group " + worker.groupId());
    System.out.println("  Metrics          : " + (tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + worker.httpPort()
        + "/metrics");
    System.out.println("Grounding live requests beside the other versions. Press Ctrl-C to stop.");
    WorkerRun run = new WorkerRun(worker);
    boolean interrupted = run.await();
    try {
      OutcomeCounts counts = worker.outcomes();
      System.out.print(String.format("Worker %s stopped: %d grounded, %d dead-lettered%n", worker.groupId(), counts.grounded(),
          counts.deadLettered()));
      if (worker.failure() != null) {
        System.err.println("groundstream worker: the worker failed: " + worker.failure());
        return 1;
      }
      return interrupted ? 0 : 1;
    } finally {
      run.reported();
    }
  }

  private static LiveSubscription.Start parseStart(String text) {
    try {
      return LiveSubscription.Start.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
  }
}
