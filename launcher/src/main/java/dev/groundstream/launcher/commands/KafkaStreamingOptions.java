package dev.groundstream.launcher.commands;

import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.ImportSummary;
import dev.groundstream.launcher.imports.DatasetImport;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that streams a dataset into grounding.requests and grounding.truth
 * (import, generate): rate limit, claim-check folder, resume file and the cluster to write to.
 */
public final class KafkaStreamingOptions {
  @Option(names = "--rate", defaultValue = "0", description = "Requests per second; 0 = unlimited (default).")
  double rate;

  @Option(names = "--blob-dir", defaultValue = "groundstream-data/blobs",
      description = "Where images over the inline limit are stored (default ${DEFAULT-VALUE}).")
  Path blobDir;

  @Option(names = "--checkpoint", defaultValue = "groundstream-data/import-checkpoints.properties",
      description = "Resume file: a second run continues after the last acknowledged batch.")
  Path checkpoint;

  @Mixin ConnectionOptions connection;

  /** Inline up to the default limit, larger images content-addressed under --blob-dir. */
  ImageRefFactory imageRefs() {
    return new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(blobDir));
  }

  /** Streams the dataset with a progress bar and prints what was written. */
  ImportSummary stream(DatasetImporter importer) throws Exception {
    ImportSummary summary = DatasetImport.run(importer, connection.kafka(), connection.registry(), checkpoint, rate, true);
    System.out.printf("%s: %d written, %d skipped (already there), %d total in %s%n", summary.dataset(),
        summary.written(), summary.skipped(), summary.total(), summary.elapsed());
    return summary;
  }
}
