package dev.groundstream.eval.stats;

/** A two-sided confidence interval [lower, upper] around a point estimate. */
public record Interval(double estimate, double lower, double upper) {

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower " + lower + " above upper " + upper);
        }
    }

    /** Whether the interval excludes 0 (the difference is significant at its level). */
    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
