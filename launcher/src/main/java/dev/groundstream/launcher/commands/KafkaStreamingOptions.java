package dev.groundstream.launcher.commands;

import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.DatasetImporter;
import dev.groundstream.ingest.importers.ImportSummary;
import dev.groundstream.launcher.imports.DatasetImport;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that streams a dataset into grounding.requests and grounding.truth
 * (import, generate): rate limit, claim-check store, resume file and the cluster to write to.
 */
public final class KafkaStreamingOptions {
  @Option(names = "--rate", defaultValue = "0", description = "Requests per second; 0 = unlimited (default).")
  double rate;

  @Mixin BlobStoreOptions blobs;

  @Option(names = "--checkpoint", description = "Resume file (default <data-dir>/import-checkpoints.properties): "
      + "a second run into the same cluster (id) and topic continues after the last acknowledged batch.")
  Path checkpoint;

  @Mixin ConnectionOptions connection;

  /** Inline up to the default limit, larger images content-addressed in the claim-check store. */
  ImageRefFactory imageRefs() {
    return new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, blobs.open());
  }

  private Path checkpointFile() {
    return checkpoint != null ? checkpoint : blobs.dataDir().resolve("import-checkpoints.properties");
  }

  /** Streams the dataset with a progress bar and prints what was written. */
  ImportSummary stream(DatasetImporter importer) throws Exception {
    ImportSummary summary = DatasetImport.run(importer, connection.kafka(), connection.registry(), checkpointFile(), rate,
        true);
    System.out.print(String.format("%s: %d written, %d skipped (already there), %d total in %s%n", summary.dataset(),
        summary.written(), summary.skipped(), summary.total(), summary.elapsed()));
    return summary;
  }
}
