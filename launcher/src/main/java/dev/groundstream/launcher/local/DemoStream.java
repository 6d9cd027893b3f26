package dev.groundstream.launcher.local;

import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.FlickrEntitiesImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.ingest.importers.ImportSummary;
import dev.groundstream.launcher.imports.DatasetImport;
import dev.groundstream.launcher.synthetic.SceneGenerator;
import dev.groundstream.launcher.synthetic.SyntheticDataset;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code local --demo} streams: the bundled photo benchmark once (with its truth, so the
 * dashboard shows accuracy per type), then synthetic scenes (dataset "synthetic/demo", 1,000 at a
 * time) so live windows keep filling. Runs on its own thread until interrupted; a restart resumes
 * from the checkpoint file instead of sending the same requests again.
 */
final class DemoStream implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStream.class);
  static final String BENCHMARK = "groundstream-photos/test";
  private static final int SYNTHETIC_ROUND = 1000;

  private final LocalMode local;
  private final Path photos;
  private final Path dataDir;
  private final double eventsPerSecond;

  DemoStream(LocalMode local, Path photos, Path dataDir, double eventsPerSecond) {
    this.local = local;
    this.photos = photos;
    this.dataDir = dataDir;
    this.eventsPerSecond = eventsPerSecond;
  }

  @Override
  public void run() {
    try {
      stream(photoBenchmark());
      for (int round = 0; !Thread.currentThread().isInterrupted(); round++) {
        stream(new SyntheticDataset(new SceneGenerator(round), SYNTHETIC_ROUND, "synthetic/demo-" + round,
            new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(dataDir.resolve("blobs"))),
            Clock.systemUTC()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error("Demo stream stopped: {}", e.toString());
    }
  }

  private DatasetImporter photoBenchmark() throws Exception {
    ImageFiles images = new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES,
        new BlobStore(dataDir.resolve("blobs"))));
    return new FlickrEntitiesImporter(photos, "test", photos.resolve("images"), BENCHMARK, images, Clock.systemUTC());
  }

  private void stream(DatasetImporter importer) throws Exception {
    ImportSummary summary = DatasetImport.run(importer, local.kafka(), local.registry(),
        dataDir.resolve("demo-checkpoints.properties"), eventsPerSecond, false);
    LOG.info("Demo: {} requests of {} streamed ({} already there)", summary.written(), importer.dataset(),
        summary.skipped());
  }
}
