package dev.groundstream.launcher.commands;

import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.ReplayRange;
import dev.groundstream.worker.WorkerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Re-grounds the request history with another model version under a fresh consumer group, so the
 * eval service can compare it with the version already running (dashboard: model comparison).
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

  @Mixin ConnectionOptions connection;

  @Mixin BlobStoreOptions blobs;

  @Override
  public Integer call() throws Exception {
    ReplayRange range = new ReplayRange(ReplayRange.parseTime(from),
        to == null ? java.util.Optional.empty() : ReplayRange.parseTime(to)).withDataset(dataset);
    WorkerConfig config = WorkerConfig.defaults(connection.kafka(), connection.registry(), model).withHttpPort(-1);
    config = blobs.bucket().map(config::withS3Blobs).orElse(config.withBlobDir(blobs.folder().orElseThrow()));
    String task = "replay " + model.getFileName() + range.dataset().map(d -> " [" + d + "]").orElse("");
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task)
        .setStyle(ProgressBarStyle.ASCII).setUnit(" req", 1).showSpeed().build()) {
      GroundingWorker worker = GroundingWorker.startReplay(config, range, (done, total) -> {
        bar.maxHint(total);
        bar.stepTo(done);
      });
      while (worker.isRunning()) {
        Thread.sleep(200);
      }
      worker.close();
      System.out.println("Replay done under consumer group " + worker.groupId());
    }
    return 0;
  }
}
