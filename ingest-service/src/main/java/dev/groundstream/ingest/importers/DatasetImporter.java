package dev.groundstream.ingest.importers;

import java.io.IOException;

/**
 * A dataset seen as an indexed list of samples. The index is stable for the same files, which is
 * what makes an import resumable from a checkpointed index. Samples are built lazily so a large
 * dataset never sits in memory with its images.
 */
public interface DatasetImporter {
  /** Dataset name written to every request, e.g. flickr30k-entities/test. */
  String dataset();

  /** Number of samples (requests) the import will produce. */
  int size();

  /** The sample at {@code index}, 0 <= index < size(). */
  ImportedSample sample(int index) throws IOException;
}
