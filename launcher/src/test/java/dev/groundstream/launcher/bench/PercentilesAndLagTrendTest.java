package dev.groundstream.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesAndLagTrendTest {
  @Test
  void nearestRankPercentiles() {
    Percentiles p = new Percentiles(new long[] {5, 1, 4, 2, 3, 6, 7, 8, 9, 10});
    assertEquals(5, p.at(50));
    assertEquals(9, p.at(90));
    assertEquals(10, p.at(99));
    assertEquals(1, p.at(1));
    assertEquals(10, p.max());
    assertEquals(7, new Percentiles(new long[] {7}).at(99));
  }

  @Test
  void lagThatWobblesIsBoundedLagThatClimbsIsNot() {
    assertTrue(LagTrend.bounded(List.of(0L, 8L, 2L, 7L, 1L, 8L, 0L, 6L, 3L), 10));
    assertFalse(LagTrend.bounded(List.of(2L, 5L, 9L, 12L, 15L, 19L, 22L, 26L, 30L), 10));
    assertTrue(LagTrend.bounded(List.of(30L, 20L, 10L, 5L, 0L, 0L), 0), "draining counts as bounded");
    // Measured: the default model at 4 uploads/s (docs/benchmarks/end-to-end.md), climbing ~0.6 records/s.
    assertFalse(LagTrend.bounded(List.of(3L, 4L, 3L, 4L, 6L, 6L, 10L, 9L, 8L, 7L, 8L, 12L, 10L, 13L, 11L, 15L, 12L,
        15L, 18L, 13L), EndToEndBenchmark.LAG_SLACK_RECORDS));
    // Measured: the no-op model at 8 uploads/s, wobbling around a level.
    assertTrue(LagTrend.bounded(List.of(0L, 2L, 4L, 4L, 0L, 5L, 5L, 5L, 7L, 13L, 6L, 2L, 2L, 0L, 3L, 5L, 8L, 1L, 4L),
        EndToEndBenchmark.LAG_SLACK_RECORDS));
  }
}
