package dev.groundstream.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SwitchVerdictTest {

    @Test
    void bBetterWhenTheCandidateWinsSignificantly() {
        // 1,109 pairs, 62 only B vs 14 only A: +4.3 points; exact McNemar p on 76 discordant well below 0.001.
        SwitchVerdict verdict = PairedComparison.of(new PairedCounts(800, 14, 62, 233)).verdict();
        assertEquals(SwitchVerdict.Outcome.B_BETTER, verdict.outcome());
        assertEquals("B is better: +4.3 points, p < 0.001 on 1,109 shared phrases", verdict.text());
    }

    @Test
    void aBetterWithThePValueToThreeDecimals() {
        // 9 only A vs 1 only B: McNemar exact p = 2 * 11 / 1024 = 0.021484375.
        SwitchVerdict verdict = PairedComparison.of(new PairedCounts(80, 9, 1, 10)).verdict();
        assertEquals(SwitchVerdict.Outcome.A_BETTER, verdict.outcome());
        assertEquals("A is better: -8.0 points, p = 0.021 on 100 shared phrases", verdict.text());
    }

    @Test
    void noSignificantDifference() {
        // 6 vs 4 discordant: p = 2 * P[X <= 4 | n = 10] = 2 * 386 / 1024 = 0.75390625.
        SwitchVerdict verdict = PairedComparison.of(new PairedCounts(40, 4, 6, 10)).verdict();
        assertEquals(SwitchVerdict.Outcome.NO_SIGNIFICANT_DIFFERENCE, verdict.outcome());
        assertEquals("no significant difference: +3.3 points, p = 0.754 on 60 shared phrases", verdict.text());
    }

    @Test
    void tooFewSharedPhrases() {
        SwitchVerdict verdict = PairedComparison.of(new PairedCounts(0, 0, 29, 0)).verdict();
        assertEquals(SwitchVerdict.Outcome.TOO_FEW_PAIRS, verdict.outcome());
        assertEquals("too few shared phrases (29; need 30)", verdict.text());
    }
}
