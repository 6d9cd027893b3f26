package dev.groundstream.eval.stats;

/**
 * McNemar's exact test for paired binary outcomes: under the null hypothesis the b + c discordant pairs
 * split Binomial(b + c, 1/2), and the two-sided p-value is min(1, 2 * P[X <= min(b, c)]).
 *
 * <p>Computed stably for any n: the binomial terms t_i = C(n, i) / 2^n grow with i up to min(b, c) <= n/2,
 * so the sum is taken relative to its largest term t_k (ratios t_(i-1) / t_i = i / (n - i + 1), all <= 1,
 * no overflow), and t_k itself comes from log C(n, k) - n log 2. Up to n = 1000 the terms are summed
 * directly from 2^-n instead (exactly representable), which keeps small textbook cases exact. A p-value
 * below the smallest double (about 1e-308) reads as 0.
 */
public final class McNemarExactTest {

    /** Largest n summed directly: 2^-n stays a normal double (n <= 1022). */
    private static final int DIRECT_SUM_LIMIT = 1000;

    private McNemarExactTest() {
    }

    /**
     * @param onlyA pairs where only the first model is right (b)
     * @param onlyB pairs where only the second model is right (c)
     */
    public static double twoSidedPValue(long onlyA, long onlyB) {
        if (onlyA < 0 || onlyB < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
        long n = onlyA + onlyB;
        long k = Math.min(onlyA, onlyB);
        if (2 * k >= n) {
            return 1.0; // b == c: the lower tail already holds half the mass
        }
        double lowerTail = n <= DIRECT_SUM_LIMIT ? lowerTailDirect((int) n, (int) k) : lowerTailRelative(n, k);
        return Math.min(1.0, 2.0 * lowerTail);
    }

    /** P[X <= k] summed forward from t_0 = 2^-n. */
    private static double lowerTailDirect(int n, int k) {
        double term = Math.scalb(1.0, -n);
        double sum = term;
        for (int i = 0; i < k; i++) {
            term = term * (n - i) / (i + 1);
            sum += term;
        }
        return sum;
    }

    /** P[X <= k] as t_k times the sum of t_i / t_k, summed from the largest term down. */
    private static double lowerTailRelative(long n, long k) {
        double ratio = 1.0;
        double relativeSum = 1.0;
        for (long i = k; i >= 1; i--) {
            ratio *= (double) i / (n - i + 1);
            relativeSum += ratio;
            if (ratio < 1e-18 * relativeSum) {
                break; // the remaining terms shrink geometrically and no longer change the sum
            }
        }
        double logLargestTerm = logBinomial(n, k) - n * Math.log(2.0);
        return Math.exp(logLargestTerm + Math.log(relativeSum));
    }

    /** log C(n, k) as the sum of log((n - k + j) / j), j = 1..k. */
    static double logBinomial(long n, long k) {
        double sum = 0.0;
        for (long j = 1; j <= k; j++) {
            sum += Math.log((double) (n - k + j) / j);
        }
        return sum;
    }
}
