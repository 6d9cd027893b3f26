package dev.groundstream.eval.stats;

import java.util.Locale;

/**
 * Whether to switch from model A to model B, in one sentence: "B is better: +4.3 points, p = 0.004 on
 * 1,109 shared phrases", "A is better: ...", "no significant difference: ..." or "too few shared
 * phrases (12; need 30)". Significant means McNemar's exact two-sided p below {@link #ALPHA}; below
 * {@link #MIN_PAIRS} shared phrases no verdict is given (the test has almost no power there and the
 * intervals span tens of points).
 */
public record SwitchVerdict(Outcome outcome, String text) {

    /** Significance level of the verdict. */
    public static final double ALPHA = 0.05;
    /** Fewest shared phrases for a verdict. */
    public static final long MIN_PAIRS = 30;

    /** The four possible verdicts. */
    public enum Outcome { B_BETTER, A_BETTER, NO_SIGNIFICANT_DIFFERENCE, TOO_FEW_PAIRS }

    public static SwitchVerdict of(PairedComparison comparison) {
        long pairs = comparison.pairs();
        if (pairs < MIN_PAIRS) {
            return new SwitchVerdict(Outcome.TOO_FEW_PAIRS,
                    String.format(Locale.US, "too few shared phrases (%,d; need %d)", pairs, MIN_PAIRS));
        }
        double p = comparison.mcNemarExactPValue();
        String evidence = String.format(Locale.US, "%s points, %s on %,d shared phrases",
                points(comparison.accuracyDifferenceBMinusA()), pValue(p), pairs);
        if (p >= ALPHA) {
            return new SwitchVerdict(Outcome.NO_SIGNIFICANT_DIFFERENCE, "no significant difference: " + evidence);
        }
        return comparison.onlyB() > comparison.onlyA()
                ? new SwitchVerdict(Outcome.B_BETTER, "B is better: " + evidence)
                : new SwitchVerdict(Outcome.A_BETTER, "A is better: " + evidence);
    }

    /** A difference of proportions in percentage points with its sign, one decimal: "+4.3". */
    public static String points(double difference) {
        return String.format(Locale.US, "%+.1f", difference * 100);
    }

    /** "p = 0.004", or "p < 0.001" below one in a thousand. */
    public static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.US, "p = %.3f", p);
    }
}
