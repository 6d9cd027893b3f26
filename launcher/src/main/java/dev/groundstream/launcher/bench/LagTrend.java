package dev.groundstream.launcher.bench;

import java.util.List;

/**
 * Whether a consumer keeps up during one rate step, from its lag sampled at a fixed interval.
 * Lag that stays bounded only wobbles by about a batch; lag of an overloaded consumer grows
 * linearly with time. So: bounded when the mean of the last third of the samples exceeds the mean
 * of the first third by at most {@code slack} records (why thirds: a single sample is noisy, a
 * batch being processed makes it jump by up to maxBatch).
 */
public final class LagTrend {
  private LagTrend() {}

  public static boolean bounded(List<Long> samples, long slack) {
    if (samples.size() < 3) {
      throw new IllegalArgumentException("need at least 3 lag samples, got " + samples.size());
    }
    int third = samples.size() / 3;
    return mean(samples.subList(samples.size() - third, samples.size())) - mean(samples.subList(0, third)) <= slack;
  }

  private static double mean(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).average().orElseThrow();
  }
}
