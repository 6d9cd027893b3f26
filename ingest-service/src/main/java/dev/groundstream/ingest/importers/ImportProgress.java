package dev.groundstream.ingest.importers;

import java.time.Duration;
import java.util.Optional;

/**
 * Where an import stands: samples done (including those skipped by resuming) out of total, the
 * rate of this run in samples/s and the estimated time left (empty until a rate is known).
 */
public record ImportProgress(String dataset, long done, long total, double ratePerSecond, Optional<Duration> eta) {
  public double fraction() {
    return total == 0 ? 1 : (double) done / total;
  }
}
