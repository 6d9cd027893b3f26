package dev.groundstream.launcher.local;

import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.FlickrEntitiesImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.ingest.importers.ImportSummary;
import dev.groundstream.launcher.imports.DatasetImport;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code local --demo} streams: the bundled photo benchmark once (with its truth, so the
 * dashboard shows accuracy per type), then the same photos again and again as new requests of the
 * dataset "demo-live", so live windows keep filling. Runs on its own thread until interrupted.
 */
final class DemoStream implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoStream.class);
  static final String BENCHMARK = "groundstream-photos/test";

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
      stream(BENCHMARK);
      for (int round = 1; !Thread.currentThread().isInterrupted(); round++) {
        stream("demo-live/round-" + round);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error("Demo stream stopped: {}", e.toString());
    }
  }

  private void stream(String dataset) throws Exception {
    ImageFiles images = new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES,
        new BlobStore(dataDir.resolve("blobs"))));
    FlickrEntitiesImporter importer = new FlickrEntitiesImporter(photos, "test", photos.resolve("images"),
        dataset, images, Clock.systemUTC());
    ImportSummary summary = DatasetImport.run(importer, local.kafka(), local.registry(),
        dataDir.resolve("demo-checkpoints.properties"), eventsPerSecond, false);
    LOG.info("Demo: {} requests of {} streamed ({} already there)", summary.written(), dataset, summary.skipped());
  }
}
