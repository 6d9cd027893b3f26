package dev.groundstream.eval.stats;

/**
 * Paired comparison of model A (e.g. the current version) and model B (the candidate) on the same
 * items: the 2x2 counts, each accuracy with its 95% Wilson interval, the difference B - A with its 95%
 * interval (Newcombe's method 10 for paired proportions, {@link PairedDifferenceInterval}) and
 * McNemar's exact two-sided p-value on the discordant pairs. Accuracies and difference are 0 when
 * there is no pair; the p-value is then 1.
 */
public record PairedComparison(
        long bothRight,
        long onlyA,
        long onlyB,
        long bothWrong,
        long pairs,
        double accuracyA,
        double accuracyB,
        double accuracyDifferenceBMinusA,
        double mcNemarExactPValue,
        Interval accuracyAInterval,
        Interval accuracyBInterval,
        Interval differenceInterval) {

    public static PairedComparison of(PairedCounts counts) {
        long pairs = counts.pairs();
        Interval a = WilsonInterval.of95(counts.bothRight() + counts.onlyA(), pairs);
        Interval b = WilsonInterval.of95(counts.bothRight() + counts.onlyB(), pairs);
        // The difference from the discordant cells directly: (c - b) / n, free of cancellation.
        Interval difference = PairedDifferenceInterval.of95(counts);
        return new PairedComparison(counts.bothRight(), counts.onlyA(), counts.onlyB(), counts.bothWrong(),
                pairs, a.estimate(), b.estimate(), difference.estimate(),
                McNemarExactTest.twoSidedPValue(counts.onlyA(), counts.onlyB()), a, b, difference);
    }

    /** The plain-language switch verdict for this comparison. */
    public SwitchVerdict verdict() {
        return SwitchVerdict.of(this);
    }
}
