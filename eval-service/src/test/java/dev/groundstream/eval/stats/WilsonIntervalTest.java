package dev.groundstream.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    /**
     * Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
     * Medicine 17:857-872, Table II, method 3 (score interval without continuity correction), to the
     * four decimals printed there.
     */
    @Test
    void matchesNewcombesPublishedScoreIntervals() {
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0000, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
    }

    @Test
    void byHandForHalf() {
        // x = 5 of n = 10, z = 1.96: centre (0.5 + 0.19208) / 1.38416 = 0.5, half-width
        // 1.96 sqrt(0.025 + 0.0096040) / 1.38416 = 0.364603 / 1.38416 = 0.263411: [0.236589, 0.763411].
        Interval interval = WilsonInterval.of(5, 10, 1.96);
        assertEquals(0.5, interval.estimate(), 1e-15);
        assertEquals(0.236589, interval.lower(), 1e-6);
        assertEquals(0.763411, interval.upper(), 1e-6);
    }

    @Test
    void allRightEndsAtOneAndEmptyIsWhole() {
        Interval all = WilsonInterval.of95(29, 29);
        assertEquals(1.0, all.upper(), 0.0);
        assertEquals(0.8830, all.lower(), 5e-5);
        Interval empty = WilsonInterval.of95(0, 0);
        assertEquals(0.0, empty.lower(), 0.0);
        assertEquals(1.0, empty.upper(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(3, 2));
    }

    private static void assertInterval(long x, long n, double lower, double upper) {
        Interval interval = WilsonInterval.of95(x, n);
        assertEquals(lower, interval.lower(), 5e-5, "lower of " + x + "/" + n);
        assertEquals(upper, interval.upper(), 5e-5, "upper of " + x + "/" + n);
        assertEquals((double) x / n, interval.estimate(), 1e-15);
    }
}
