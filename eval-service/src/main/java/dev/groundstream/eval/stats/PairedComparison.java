package dev.groundstream.eval.stats;

/**
 * Paired comparison of model A (e.g. the current version) and model B (the candidate) on the same
 * items: the 2x2 counts, each accuracy, the difference B - A and McNemar's exact two-sided p-value on
 * the discordant pairs. Accuracies and difference are 0 when there is no pair; the p-value is then 1.
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
        double mcNemarExactPValue) {

    public static PairedComparison of(PairedCounts counts) {
        long pairs = counts.pairs();
        double accuracyA = pairs == 0 ? 0.0 : (double) (counts.bothRight() + counts.onlyA()) / pairs;
        double accuracyB = pairs == 0 ? 0.0 : (double) (counts.bothRight() + counts.onlyB()) / pairs;
        // The difference from the discordant cells directly: (c - b) / n, free of cancellation.
        double difference = pairs == 0 ? 0.0 : (double) (counts.onlyB() - counts.onlyA()) / pairs;
        return new PairedComparison(counts.bothRight(), counts.onlyA(), counts.onlyB(), counts.bothWrong(),
                pairs, accuracyA, accuracyB, difference,
                McNemarExactTest.twoSidedPValue(counts.onlyA(), counts.onlyB()));
    }
}
