package dev.groundstream.ingest.bench;

import java.util.Arrays;

/** Latencies of one benchmark phase, in nanoseconds; thread-safe appends. */
final class LatencyRecorder {
  private long[] values = new long[1024];
  private int size;

  synchronized void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized int count() {
    return size;
  }

  /** The q-quantile in milliseconds (nearest rank). */
  synchronized double percentileMillis(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
  }
}
