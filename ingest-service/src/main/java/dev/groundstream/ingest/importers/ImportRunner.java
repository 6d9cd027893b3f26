package dev.groundstream.ingest.importers;

import dev.groundstream.ingest.TokenBucket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Streams a dataset into a sink at a bounded rate, resumably. Samples are sent asynchronously in
 * batches; after each batch is acknowledged the index of its last sample is checkpointed, so a
 * crash re-sends at most one batch. Re-sent samples keep their deterministic request ids, so
 * they overwrite (truth, compacted) or duplicate under the same key (requests) — never fork.
 */
public final class ImportRunner {
  public static final int DEFAULT_BATCH = 200;

  private final SampleSink sink;
  private final CheckpointFile checkpoints;
  private final double eventsPerSecond;
  private final int batchSize;
  private final ProgressListener progress;

  /**
   * @param eventsPerSecond samples (requests) per second; <= 0 means unlimited
   */
  public ImportRunner(SampleSink sink, CheckpointFile checkpoints, double eventsPerSecond, int batchSize,
      ProgressListener progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1");
    }
    this.sink = sink;
    this.checkpoints = checkpoints;
    this.eventsPerSecond = eventsPerSecond;
    this.batchSize = batchSize;
    this.progress = progress;
  }

  public ImportSummary run(DatasetImporter importer) throws IOException, InterruptedException {
    return run(importer, importer.dataset());
  }

  /**
   * Imports under the resume key {@code checkpointKey}: the dataset qualified by where it goes
   * (cluster id and topic), so the same dataset imported into another or a recreated cluster starts
   * from its first sample rather than being skipped as "already there".
   */
  public ImportSummary run(DatasetImporter importer, String checkpointKey) throws IOException, InterruptedException {
    String dataset = importer.dataset();
    int total = importer.size();
    int start = checkpoints.lastCompleted(checkpointKey) + 1;
    // Burst of 1: the configured rate is a ceiling over any second, not an average.
    TokenBucket pace = eventsPerSecond > 0 ? new TokenBucket(eventsPerSecond, 1) : null;
    long began = System.nanoTime();
    int written = 0;
    for (int batchStart = start; batchStart < total; batchStart += batchSize) {
      int batchEnd = Math.min(total, batchStart + batchSize);
      List<CompletableFuture<Void>> sends = new ArrayList<>(batchEnd - batchStart);
      for (int i = batchStart; i < batchEnd; i++) {
        if (pace != null) {
          pace.acquire();
        }
        sends.add(sink.send(importer.sample(i)));
      }
      awaitBatch(checkpointKey, dataset, batchStart, sends);
      checkpoints.markCompleted(checkpointKey, batchEnd - 1);
      written += batchEnd - batchStart;
      progress.onProgress(progressOf(dataset, batchEnd, total, written, began));
    }
    if (start >= total) {
      progress.onProgress(progressOf(dataset, total, total, 0, began));
    }
    return new ImportSummary(dataset, total, Math.min(start, total), written, Duration.ofNanos(System.nanoTime() - began));
  }

  /** Waits for every send; on a failure checkpoints the acknowledged prefix, then reports it. */
  private void awaitBatch(String checkpointKey, String dataset, int batchStart, List<CompletableFuture<Void>> sends)
      throws IOException, InterruptedException {
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get();
      } catch (ExecutionException e) {
        if (batchStart + i > 0) {
          checkpoints.markCompleted(checkpointKey, batchStart + i - 1);
        }
        throw new IOException("Sample " + (batchStart + i) + " of " + dataset + " was not written: "
            + e.getCause().getMessage() + " (resume continues from it)", e.getCause());
      }
    }
  }

  private static ImportProgress progressOf(String dataset, int done, int total, int writtenThisRun, long began) {
    double seconds = (System.nanoTime() - began) / 1e9;
    double rate = seconds > 0 ? writtenThisRun / seconds : 0;
    Optional<Duration> eta = rate > 0
        ? Optional.of(Duration.ofMillis((long) ((total - done) / rate * 1000)))
        : Optional.empty();
    return new ImportProgress(dataset, done, total, rate, eta);
  }
}
