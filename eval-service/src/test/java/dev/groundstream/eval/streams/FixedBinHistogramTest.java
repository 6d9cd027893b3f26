package dev.groundstream.eval.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedBinHistogramTest {

  @Test
  void scoreQuantilesAreNearestRankWithinOneBin() {
    FixedBinHistogram histogram = FixedBinHistogram.scores();
    double[] values = new double[1001];
    Random random = new Random(7);
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble();
      histogram.add(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.1, 0.5, 0.9, 0.99}) {
      double exact = values[(int) Math.ceil(q * values.length) - 1];
      assertEquals(exact, histogram.quantile(q), 0.005 + 1e-9, "q=" + q);
    }
  }

  @Test
  void scoresOutsideTheUnitIntervalAreClampedAndNaNIgnored() {
    FixedBinHistogram histogram = FixedBinHistogram.scores();
    histogram.add(-3);
    histogram.add(7.5);
    histogram.add(Double.NaN);
    assertEquals(2, histogram.count());
    assertEquals(0.005, histogram.quantile(0.5), 1e-12);
    assertEquals(0.995, histogram.quantile(1.0), 1e-12);
    assertTrue(Double.isNaN(FixedBinHistogram.scores().quantile(0.5)), "empty");
  }

  @Test
  void latencyQuantilesHaveFivePercentRelativeError() {
    FixedBinHistogram histogram = FixedBinHistogram.latencyMs();
    for (double ms : new double[] {0.5, 3, 12, 40, 250, 1800, 60_000}) {
      FixedBinHistogram single = FixedBinHistogram.latencyMs();
      single.add(ms);
      assertEquals(ms, single.quantile(0.5), ms * 0.05, "ms=" + ms);
      histogram.add(ms);
    }
    assertEquals(40, histogram.quantile(0.5), 40 * 0.05);
  }

  @Test
  void mergeIsAddingCountsAndTheEncodingRoundTrips() throws Exception {
    FixedBinHistogram a = FixedBinHistogram.scores();
    FixedBinHistogram b = FixedBinHistogram.scores();
    FixedBinHistogram both = FixedBinHistogram.scores();
    for (int i = 0; i < 50; i++) {
      a.add(i / 100.0);
      b.add(0.5 + i / 100.0);
      both.add(i / 100.0);
      both.add(0.5 + i / 100.0);
    }
    a.merge(b);
    assertEquals(both.count(), a.count());
    for (double q : new double[] {0.25, 0.5, 0.75}) {
      assertEquals(both.quantile(q), a.quantile(q));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.writeTo(new DataOutputStream(bytes));
    FixedBinHistogram back = FixedBinHistogram.readFrom(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), false);
    assertEquals(a.count(), back.count());
    assertEquals(a.quantile(0.5), back.quantile(0.5));
  }
}
