package dev.groundstream.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceIntervalTest {

    /**
     * Newcombe (1998), "Improved confidence intervals for the difference between binomial proportions
     * based on paired data", Statistics in Medicine 17:2635-2650, example (a): e = 36 pairs positive on
     * both, f = 12 positive on the first only, g = 2 on the second only, h = 0; theta = (f - g)/n = 0.2,
     * method 10 gives 0.0569 to 0.3404. Here the first measure is B (only B = 12), the second A.
     */
    @Test
    void matchesNewcombesPairedExample() {
        Interval interval = PairedDifferenceInterval.of95(new PairedCounts(36, 2, 12, 0));
        assertEquals(0.2, interval.estimate(), 1e-15);
        assertEquals(0.0569, interval.lower(), 5e-5);
        assertEquals(0.3404, interval.upper(), 5e-5);
    }

    /**
     * By hand, a = 8, b = 4, c = 5, d = 9, n = 26: pA = 12/26, pB = 13/26, Wilson 95% of 12/26 =
     * [0.28756, 0.64542], of 13/26 = [0.32060, 0.67940]; ad - bc = 52 > n/2, so the numerator is
     * 52 - 13 = 39 and phi = 39 / sqrt(12 * 14 * 13 * 13) = 0.231455; D = 1/26 = 0.038462;
     * lower = D - sqrt(0.17939^2 - 2 phi 0.17939 * 0.18388 + 0.18388^2) = -0.18676,
     * upper = D + sqrt(0.17939^2 - 2 phi 0.17939 * 0.17398 + 0.17398^2) = 0.25756.
     */
    @Test
    void byHandWithCorrelatedOutcomes() {
        PairedCounts counts = new PairedCounts(8, 4, 5, 9);
        assertEquals(0.231455, PairedDifferenceInterval.correlation(counts), 1e-6);
        Interval interval = PairedDifferenceInterval.of95(counts);
        assertEquals(1.0 / 26, interval.estimate(), 1e-15);
        assertEquals(-0.18676, interval.lower(), 1e-5);
        assertEquals(0.25756, interval.upper(), 1e-5);
    }

    @Test
    void swappingTheModelsMirrorsTheInterval() {
        Interval ab = PairedDifferenceInterval.of95(new PairedCounts(80, 1, 9, 10));
        Interval ba = PairedDifferenceInterval.of95(new PairedCounts(80, 9, 1, 10));
        assertEquals(-ab.lower(), ba.upper(), 1e-12);
        assertEquals(-ab.upper(), ba.lower(), 1e-12);
        assertTrue(ab.excludesZero(), "8 points on 100 pairs with 9 vs 1 discordant is significant");
    }

    @Test
    void noDiscordantPairsStillGiveAWidth() {
        Interval interval = PairedDifferenceInterval.of95(new PairedCounts(20, 0, 0, 10));
        assertEquals(0.0, interval.estimate(), 0.0);
        assertTrue(interval.lower() < 0 && interval.upper() > 0, interval.toString());
        Interval allRight = PairedDifferenceInterval.of95(new PairedCounts(5, 0, 0, 0));
        assertTrue(allRight.lower() >= -1 && allRight.upper() <= 1 && allRight.lower() < 0, allRight.toString());
        Interval empty = PairedDifferenceInterval.of95(new PairedCounts());
        assertEquals(-1.0, empty.lower(), 0.0);
        assertEquals(1.0, empty.upper(), 0.0);
    }
}
