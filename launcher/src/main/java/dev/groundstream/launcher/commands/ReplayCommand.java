package dev.groundstream.launcher.commands;

import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.OutcomeCounts;
import dev.groundstream.worker.ReplayRange;
import dev.groundstream.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Re-grounds the request history with another model version under its own consumer group, so the
 * eval service can compare it with the version already running (dashboard: model comparison).
 * Returns once every request in range has a committed outcome; Ctrl-C stops after the batch in
 * flight is committed, and {@code --resume GROUP} continues from there.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay grounding.requests from a time through a model; results go to grounding.results.")
public final class ReplayCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "Model folder with groundstream-model.json.")
  Path model;

  @Option(names = "--from", defaultValue = "beginning", description = "ISO-8601 instant or 'beginning' (default).")
  String from;

  @Option(names = "--to", description = "ISO-8601 instant; default: the end of the topic when the replay starts.")
  String to;

  @Option(names = "--dataset", description = "Only ground requests of this dataset (GroundingRequest.dataset, "
      + "e.g. flickr30k-entities/test); the others are skipped but count as done. Default: every dataset.")
  String dataset;

  @Option(names = "--resume", paramLabel = "GROUP", description = "Continue the replay of this consumer group "
      + "(printed by an earlier run) from where it stopped, up to that run's end.")
  String resume;

  @Mixin ConnectionOptions connection;

  @Mixin BlobStoreOptions blobs;

  @Override
  public Integer call() throws Exception {
    ReplayRange range;
    try {
      BadInput.modelFolder(model);
      range = range();
    } catch (BadInput e) {
      return e.report("replay");
    }
    WorkerConfig config = WorkerConfig.defaults(connection.kafka(), connection.registry(), model).withHttpPort(-1);
    config = blobs.bucket().map(config::withS3Blobs).orElse(config.withBlobDir(blobs.folder().orElseThrow()));
    if (resume != null) {
      config = config.withGroupId(resume);
    }
    String task = "replay " + model.getFileName() + range.dataset().map(d -> " [" + d + "]").orElse("");
    long startNanos = System.nanoTime();
    GroundingWorker worker;
    WorkerRun run;
    boolean interrupted;
    AtomicReference<ProgressBar> shown = new AtomicReference<>();
    worker = GroundingWorker.startReplay(config, range, (done, total) -> {
      ProgressBar bar = shown.get();
      if (bar != null) {
        bar.maxHint(total);
        bar.stepTo(done);
      }
    });
    run = new WorkerRun(worker); // Ctrl-C from here on stops it gracefully
    // before the bar, so the group to resume is on screen even if the user stops at once
    System.out.println("Replay of " + worker.modelId() + " under consumer group " + worker.groupId()
        + " (Ctrl-C stops; --resume " + worker.groupId() + " continues)");
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII)
        .setUnit(" req", 1).showSpeed().build()) {
      shown.set(bar);
      interrupted = run.await();
    }
    try {
      return summarize(worker, interrupted, Duration.ofNanos(System.nanoTime() - startNanos));
    } finally {
      run.reported();
    }
  }

  private ReplayRange range() {
    Optional<Instant> start = BadInput.time("--from", from);
    Optional<Instant> end = BadInput.time("--to", to);
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw new BadInput("--to " + to + " is not after --from " + from);
    }
    return new ReplayRange(start, end).withDataset(dataset);
  }

  /** Prints the summary line; the exit code: 0 done, 1 failed or nothing groundable, 130 stopped by Ctrl-C. */
  private int summarize(GroundingWorker worker, boolean interrupted, Duration wall) {
    OutcomeCounts counts = worker.outcomes();
    String how = interrupted ? "stopped" : worker.failure() != null ? "failed" : "done";
    System.out.print(String.format("Replay %s under consumer group %s: %d grounded, %d dead-lettered, %d skipped in %.1f s%n",
        how, worker.groupId(), counts.grounded(), counts.deadLettered(), counts.skipped(), wall.toMillis() / 1000.0));
    if (worker.failure() != null) {
      System.err.println("groundstream replay: the worker failed: " + worker.failure());
      return 1;
    }
    if (interrupted) {
      System.out.println("Continue with: groundstream replay --model " + model + " --resume " + worker.groupId());
      return 130;
    }
    if (counts.grounded() == 0 && counts.deadLettered() > 0) {
      System.err.println("groundstream replay: nothing could be grounded (" + counts.deadLettered()
          + " dead letters on grounding.dlq)");
      return 1;
    }
    if (counts.total() == 0) {
      System.out.println(resume != null ? "Nothing left to replay in this group's range." : "No request in the range.");
    }
    return 0;
  }
}
