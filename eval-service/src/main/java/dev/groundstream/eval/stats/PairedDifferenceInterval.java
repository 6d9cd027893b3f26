package dev.groundstream.eval.stats;

/**
 * Confidence interval for the difference of two proportions measured on the same items,
 * pB - pA, by Newcombe's method 10 (Statistics in Medicine 17:2635-2650, 1998): the square-and-add
 * combination of the two Wilson score intervals, with the correlation of the paired outcomes.
 *
 * <p>With the 2x2 table a = both right, b = only A, c = only B, d = both wrong, pA = (a+b)/n,
 * pB = (a+c)/n, Wilson limits (lA, uA) and (lB, uB), and phi = (ad - bc) / sqrt((a+b)(c+d)(a+c)(b+d))
 * where ad - bc is first reduced by n/2 towards 0 when positive (Newcombe's phi-hat star; phi = 0
 * when a margin is empty):
 * <pre>
 *   lower = D - sqrt((pB-lB)^2 - 2 phi (pB-lB)(uA-pA) + (uA-pA)^2)
 *   upper = D + sqrt((uB-pB)^2 - 2 phi (uB-pB)(pA-lA) + (pA-lA)^2)
 * </pre>
 * It never leaves [-1, 1], is not degenerate when there are no discordant pairs, and has close to
 * nominal coverage where the Wald interval (c - b)/n -/+ z sqrt(...) is too narrow.
 */
public final class PairedDifferenceInterval {

    private PairedDifferenceInterval() {
    }

    /** The 95% interval of pB - pA; for an empty table [-1, 1] around 0. */
    public static Interval of95(PairedCounts counts) {
        return of(counts, WilsonInterval.Z_95);
    }

    public static Interval of(PairedCounts counts, double z) {
        long n = counts.pairs();
        if (n == 0) {
            return new Interval(0.0, -1.0, 1.0);
        }
        long aRight = counts.bothRight() + counts.onlyA();
        long bRight = counts.bothRight() + counts.onlyB();
        Interval a = WilsonInterval.of(aRight, n, z);
        Interval b = WilsonInterval.of(bRight, n, z);
        double phi = correlation(counts);
        double difference = (double) (counts.onlyB() - counts.onlyA()) / n;
        double belowB = b.estimate() - b.lower();
        double aboveA = a.upper() - a.estimate();
        double aboveB = b.upper() - b.estimate();
        double belowA = a.estimate() - a.lower();
        double delta = Math.sqrt(Math.max(0.0, belowB * belowB - 2 * phi * belowB * aboveA + aboveA * aboveA));
        double epsilon = Math.sqrt(Math.max(0.0, aboveB * aboveB - 2 * phi * aboveB * belowA + belowA * belowA));
        return new Interval(difference, Math.max(-1.0, difference - delta), Math.min(1.0, difference + epsilon));
    }

    /** Newcombe's phi-hat star: the phi coefficient of the table, its positive numerator reduced by n/2. */
    static double correlation(PairedCounts counts) {
        double a = counts.bothRight();
        double b = counts.onlyA();
        double c = counts.onlyB();
        double d = counts.bothWrong();
        double marginProduct = (a + b) * (c + d) * (a + c) * (b + d);
        if (marginProduct == 0) {
            return 0.0;
        }
        double numerator = a * d - b * c;
        if (numerator > 0) {
            numerator = Math.max(numerator - (a + b + c + d) / 2.0, 0.0);
        }
        return numerator / Math.sqrt(marginProduct);
    }
}
