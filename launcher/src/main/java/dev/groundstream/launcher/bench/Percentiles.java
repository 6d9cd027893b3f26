package dev.groundstream.launcher.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations (no interpolation: every figure was observed). */
public final class Percentiles {
  private final long[] sorted;

  public Percentiles(long[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /** The smallest value with at least {@code p} percent of the sample at or below it. */
  public long at(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  public long max() {
    return sorted[sorted.length - 1];
  }

  public int count() {
    return sorted.length;
  }
}
