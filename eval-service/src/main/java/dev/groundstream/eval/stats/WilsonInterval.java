package dev.groundstream.eval.stats;

/**
 * The Wilson score interval for a binomial proportion x / n, without continuity correction
 * (Wilson 1927; method 3 of Newcombe, Statistics in Medicine 17:857-872, 1998):
 * (p + z^2/2n -/+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n). It stays inside [0, 1] and keeps
 * its coverage for small n and for p near 0 or 1, where the Wald interval fails.
 */
public final class WilsonInterval {

    /** The standard normal quantile for a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    private WilsonInterval() {
    }

    /** The 95% interval; for n = 0 the whole of [0, 1] with estimate 0. */
    public static Interval of95(long successes, long n) {
        return of(successes, n, Z_95);
    }

    public static Interval of(long successes, long n, double z) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return new Interval(0.0, 0.0, 1.0);
        }
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = p + z2 / (2.0 * n);
        double halfWidth = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // Clamp rounding noise at the ends: x = 0 gives exactly 0, x = n exactly 1.
        double lower = successes == 0 ? 0.0 : Math.max(0.0, (centre - halfWidth) / denominator);
        double upper = successes == n ? 1.0 : Math.min(1.0, (centre + halfWidth) / denominator);
        return new Interval(p, lower, upper);
    }
}
