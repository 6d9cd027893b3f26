package dev.groundstream.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class McNemarExactTestTest {

    @Test
    void knownExactValues() {
        // b=1, c=9: n=10, P[X<=1] = (C(10,0)+C(10,1))/2^10 = 11/1024, p = 22/1024 = 0.021484375.
        assertEquals(0.021484375, McNemarExactTest.twoSidedPValue(1, 9), 0.0);
        // b=0, c=5: P[X<=0] = 1/32, p = 2/32 = 0.0625.
        assertEquals(0.0625, McNemarExactTest.twoSidedPValue(0, 5), 0.0);
        // b=2, c=8: (1+10+45)/1024 = 56/1024, p = 112/1024 = 0.109375.
        assertEquals(0.109375, McNemarExactTest.twoSidedPValue(2, 8), 0.0);
        // b=0, c=1: 2 * 1/2 = 1.
        assertEquals(1.0, McNemarExactTest.twoSidedPValue(0, 1), 0.0);
    }

    @Test
    void equalDiscordantCountsGiveOne() {
        assertEquals(1.0, McNemarExactTest.twoSidedPValue(0, 0), 0.0);
        assertEquals(1.0, McNemarExactTest.twoSidedPValue(7, 7), 0.0);
        assertEquals(1.0, McNemarExactTest.twoSidedPValue(4000, 4000), 0.0);
        // Neighbouring counts are capped at 1 too: b=3, c=4 -> 2*(1+7+21+35)/128 = 1.
        assertEquals(1.0, McNemarExactTest.twoSidedPValue(3, 4), 0.0);
    }

    @Test
    void symmetricInItsArguments() {
        assertEquals(McNemarExactTest.twoSidedPValue(9, 1), McNemarExactTest.twoSidedPValue(1, 9), 0.0);
        assertEquals(McNemarExactTest.twoSidedPValue(2900, 3100), McNemarExactTest.twoSidedPValue(3100, 2900), 0.0);
    }

    @Test
    void agreesWithExactRationalArithmeticUpToManyThousands() {
        Random random = new Random(7L);
        for (int run = 0; run < 60; run++) {
            int n = 1 + random.nextInt(run < 30 ? 1200 : 6000);
            int b = random.nextInt(n + 1);
            int c = n - b;
            double expected = exactPValue(b, c);
            double actual = McNemarExactTest.twoSidedPValue(b, c);
            assertEquals(expected, actual, Math.max(1e-300, expected * 1e-9), "b=" + b + " c=" + c);
        }
    }

    @Test
    void largeCountsStayFiniteAndOrdered() {
        double balanced = McNemarExactTest.twoSidedPValue(4900, 5100);
        double skewed = McNemarExactTest.twoSidedPValue(4500, 5500);
        assertTrue(balanced > 0 && balanced < 1 && Double.isFinite(balanced));
        assertTrue(skewed > 0 && skewed < balanced);
        // Beyond double range the p-value underflows to 0, never NaN.
        assertEquals(0.0, McNemarExactTest.twoSidedPValue(0, 5000), 0.0);
    }

    @Test
    void bothComputationPathsMeetAtTheirBoundary() {
        // n = 1000 is summed directly, n = 1001 relative to the largest term; both exact to 1e-9.
        assertEquals(exactPValue(480, 520), McNemarExactTest.twoSidedPValue(480, 520), 1e-12);
        assertEquals(exactPValue(480, 521), McNemarExactTest.twoSidedPValue(480, 521), 1e-12);
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> McNemarExactTest.twoSidedPValue(-1, 3));
    }

    /** min(1, 2 * sum_{i<=min(b,c)} C(n,i) / 2^n) in exact integer arithmetic. */
    private static double exactPValue(int b, int c) {
        int n = b + c;
        int k = Math.min(b, c);
        BigInteger binomial = BigInteger.ONE;
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                binomial = binomial.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
            }
            sum = sum.add(binomial);
        }
        BigDecimal p = new BigDecimal(sum.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)),
                MathContext.DECIMAL128);
        return Math.min(1.0, p.doubleValue());
    }
}
