package dev.groundstream.eval.streams;

/**
 * When a signal alerts: below {@code floor} (absolute), or below the trailing baseline minus
 * {@code margin} (relative) once the baseline has seen {@code minBaselineWindows} windows. Windows
 * with fewer than {@code minSamples} observations are too noisy to judge and are skipped entirely.
 * A NaN floor or margin disables that half of the rule.
 */
public record AlertRule(String signal, double floor, double margin, long minSamples, int minBaselineWindows) {
  public boolean floorEnabled() {
    return !Double.isNaN(floor);
  }

  public boolean marginEnabled() {
    return !Double.isNaN(margin);
  }
}
