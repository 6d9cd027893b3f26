package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.eval.protocol.Categories;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.protocol.PairedEvaluations;
import dev.groundstream.eval.stats.PairedCounts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paired 2x2 tables of two models (A = the lexicographically smaller model id) over the requests
 * both evaluated, for every {@link HitMetric} and every category at once, kept incrementally: when an
 * evaluation changes, its old pairs are subtracted and its new ones added. Cells are
 * {@code [metric][category][bothRight, onlyA, onlyB, bothWrong]} in one flat array.
 */
public final class PairedTable {
  static final HitMetric[] METRICS = HitMetric.values();
  static final List<String> CATEGORIES = Categories.names();
  static final int CELLS = METRICS.length * CATEGORIES.size() * 4;

  private final long[] cells;

  public PairedTable() {
    this(new long[CELLS]);
  }

  PairedTable(long[] cells) {
    if (cells.length != CELLS) {
      throw new IllegalArgumentException("expected " + CELLS + " cells, got " + cells.length);
    }
    this.cells = cells;
  }

  /** Adds (sign +1) or removes (-1) the paired phrases of {@code a} (model A's) and {@code b} (model B's). */
  public PairedTable change(Evaluation a, Evaluation b, int sign) {
    PairedEvaluations.forEachPhrasePair(a, b, (phraseA, phraseB) -> {
      List<String> categories = Categories.of(phraseA);
      for (int m = 0; m < METRICS.length; m++) {
        boolean aRight = METRICS[m].isHit(phraseA);
        boolean bRight = METRICS[m].isHit(phraseB);
        int cell = aRight && bRight ? 0 : aRight ? 1 : bRight ? 2 : 3;
        for (String category : categories) {
          int at = index(m, Categories.indexOf(category), cell);
          cells[at] += sign;
          if (cells[at] < 0) {
            throw new IllegalStateException("removing a pair that was never added");
          }
        }
      }
    });
    return this;
  }

  /** Adds another table's cells (e.g. of another dataset) into this one. */
  public PairedTable plus(PairedTable other) {
    for (int i = 0; i < CELLS; i++) {
      cells[i] += other.cells[i];
    }
    return this;
  }

  /** The tables of one metric per category, in {@link Categories#names()} order; swapped: B's view as A. */
  public Map<String, PairedCounts> tables(HitMetric metric, boolean swapped) {
    Map<String, PairedCounts> out = new LinkedHashMap<>();
    for (int c = 0; c < CATEGORIES.size(); c++) {
      int at = index(metric.ordinal(), c, 0);
      long onlyA = cells[at + 1];
      long onlyB = cells[at + 2];
      out.put(CATEGORIES.get(c), new PairedCounts(cells[at], swapped ? onlyB : onlyA, swapped ? onlyA : onlyB,
          cells[at + 3]));
    }
    return out;
  }

  public boolean isEmpty() {
    return Arrays.stream(cells).allMatch(cell -> cell == 0);
  }

  long[] cells() {
    return cells;
  }

  static int index(int metric, int category, int cell) {
    return (metric * CATEGORIES.size() + category) * 4 + cell;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PairedTable table && Arrays.equals(cells, table.cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells);
  }
}
