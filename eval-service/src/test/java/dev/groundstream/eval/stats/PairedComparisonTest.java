package dev.groundstream.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void countsAccuraciesDifferenceAndPValue() {
        // 80 both right, 1 only A, 9 only B, 10 both wrong: n = 100,
        // accuracy A = 81/100, accuracy B = 89/100, difference B - A = 8/100, McNemar p = 0.021484375.
        PairedComparison comparison = PairedComparison.of(new PairedCounts(80, 1, 9, 10));
        assertEquals(100, comparison.pairs());
        assertEquals(0.81, comparison.accuracyA(), 1e-15);
        assertEquals(0.89, comparison.accuracyB(), 1e-15);
        assertEquals(0.08, comparison.accuracyDifferenceBMinusA(), 1e-15);
        assertEquals(0.021484375, comparison.mcNemarExactPValue(), 0.0);
    }

    @Test
    void streamingAddAndRemove() {
        PairedCounts counts = new PairedCounts();
        counts.add(true, true).add(true, false).add(false, true).add(false, false).add(false, true);
        assertEquals(1, counts.bothRight());
        assertEquals(1, counts.onlyA());
        assertEquals(2, counts.onlyB());
        assertEquals(1, counts.bothWrong());
        counts.remove(false, true);
        assertEquals(1, counts.onlyB());
        assertThrows(IllegalStateException.class, () -> new PairedCounts().remove(true, true));
    }

    @Test
    void noPairsGiveZerosAndPValueOne() {
        PairedComparison comparison = PairedComparison.of(new PairedCounts());
        assertEquals(0.0, comparison.accuracyA());
        assertEquals(0.0, comparison.accuracyDifferenceBMinusA());
        assertEquals(1.0, comparison.mcNemarExactPValue());
    }
}
