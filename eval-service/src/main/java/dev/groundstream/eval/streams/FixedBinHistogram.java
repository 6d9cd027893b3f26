package dev.groundstream.eval.streams;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.TreeMap;

/**
 * A tiny mergeable quantile sketch: counts in fixed bins, so merging two sketches is adding counts
 * (exact under any partitioning) and the state is bounded by the bin count. Two layouts:
 * <ul>
 *   <li>{@link #scores()}: 100 linear bins over [0, 1] (width 0.01, bin edges computed in float, the
 *       precision of the scores); scores outside are clamped into the first or last bin. A quantile is
 *       accurate to 0.01.</li>
 *   <li>{@link #latencyMs()}: logarithmic bins from 0.01 ms growing by 5% each up to about 28 h; a
 *       quantile is accurate to 5% relative error. Values at or below 0.01 ms fall into bin 0.</li>
 * </ul>
 * A quantile q is the midpoint of the bin holding the ceil(q*n)-th smallest value (nearest rank).
 */
public final class FixedBinHistogram {
  private static final double LOG_MIN = 0.01;
  private static final double LOG_GROWTH = 1.05;
  private static final int LOG_BINS = 500;
  private static final int SCORE_BINS = 100;

  private final boolean logarithmic;
  private final TreeMap<Integer, Long> counts = new TreeMap<>(); // sparse: most bins stay empty
  private long total;

  private FixedBinHistogram(boolean logarithmic) {
    this.logarithmic = logarithmic;
  }

  public static FixedBinHistogram scores() {
    return new FixedBinHistogram(false);
  }

  public static FixedBinHistogram latencyMs() {
    return new FixedBinHistogram(true);
  }

  public void add(double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    counts.merge(binOf(value), 1L, Long::sum);
    total++;
  }

  public void merge(FixedBinHistogram other) {
    if (other.logarithmic != logarithmic) {
      throw new IllegalArgumentException("different layouts");
    }
    other.counts.forEach((bin, count) -> counts.merge(bin, count, Long::sum));
    total += other.total;
  }

  public long count() {
    return total;
  }

  /** The q-quantile (0 < q <= 1); NaN when empty. */
  public double quantile(double q) {
    if (total == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (var entry : counts.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return midpoint(entry.getKey());
      }
    }
    return midpoint(counts.lastKey());
  }

  int binOf(double value) {
    if (logarithmic) {
      if (value <= LOG_MIN) {
        return 0;
      }
      int bin = (int) Math.floor(Math.log(value / LOG_MIN) / Math.log(LOG_GROWTH));
      return Math.min(LOG_BINS - 1, bin);
    }
    // In float, the scores' own precision: 0.9f is 0.89999998 as a double but lands in bin 90.
    int bin = (int) Math.floor((float) value * (float) SCORE_BINS);
    return Math.max(0, Math.min(SCORE_BINS - 1, bin));
  }

  double midpoint(int bin) {
    if (logarithmic) {
      double low = LOG_MIN * Math.pow(LOG_GROWTH, bin);
      return bin == 0 ? LOG_MIN : low * (1 + LOG_GROWTH) / 2;
    }
    return (bin + 0.5) / SCORE_BINS;
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(counts.size());
    for (var entry : counts.entrySet()) {
      out.writeShort(entry.getKey());
      out.writeLong(entry.getValue());
    }
  }

  static FixedBinHistogram readFrom(DataInputStream in, boolean logarithmic) throws IOException {
    FixedBinHistogram histogram = new FixedBinHistogram(logarithmic);
    int bins = in.readInt();
    for (int i = 0; i < bins; i++) {
      int bin = in.readShort();
      long count = in.readLong();
      histogram.counts.put(bin, count);
      histogram.total += count;
    }
    return histogram;
  }
}
