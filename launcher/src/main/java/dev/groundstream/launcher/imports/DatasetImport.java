package dev.groundstream.launcher.imports;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.ingest.importers.CheckpointFile;
import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.ImportRunner;
import dev.groundstream.ingest.importers.ImportSummary;
import dev.groundstream.ingest.importers.KafkaSampleSink;
import dev.groundstream.ingest.kafka.GroundingProducer;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.Topics;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Streams one dataset into grounding.requests and grounding.truth with a progress bar (done /
 * total, rate, ETA), a rate limit, and a checkpoint file so that a second run into the same
 * cluster resumes after the last acknowledged batch.
 */
public final class DatasetImport {
  private DatasetImport() {}

  public static ImportSummary run(DatasetImporter importer, KafkaConnection kafka, RegistryConnection registry,
      Path checkpointFile, double eventsPerSecond, boolean showProgress) throws Exception {
    try (GroundingProducer producer = new GroundingProducer(kafka, SchemaRegistryClients.shared(registry),
        registry.autoRegister(), Map.of());
        ProgressBar bar = showProgress ? progressBar(importer) : null) {
      ImportRunner runner = new ImportRunner(new KafkaSampleSink(producer), new CheckpointFile(checkpointFile),
          eventsPerSecond, ImportRunner.DEFAULT_BATCH, progress -> {
            if (bar != null) {
              bar.maxHint(progress.total());
              bar.stepTo(progress.done());
            }
          });
      return runner.run(importer, checkpointKey(kafka, importer.dataset()));
    }
  }

  /**
   * {@code <cluster id>/<topic>/<dataset>}: a checkpoint belongs to the cluster it was written to,
   * so a new or recreated cluster (a new id) gets every record again.
   */
  static String checkpointKey(KafkaConnection kafka, String dataset) throws Exception {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      String clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
      return clusterId + "/" + Topics.REQUESTS + "/" + dataset;
    }
  }

  private static ProgressBar progressBar(DatasetImporter importer) {
    return new ProgressBarBuilder().setTaskName("import " + importer.dataset())
        .setInitialMax(importer.size()).setStyle(ProgressBarStyle.ASCII).setUnit(" req", 1)
        .showSpeed().build();
  }
}
