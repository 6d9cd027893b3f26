package dev.groundstream.eval.streams;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.eval.protocol.Categories;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Label-free quality signals of one model over some results; they need no truth, so they watch live
 * traffic too. Per category ("all" plus each phrase type of the request): the top-1 score
 * distribution and the share of phrases with no box scoring at least the threshold (a phrase without
 * boxes, or whose boxes have no score, counts as "no box"). Per model (category "all" only): the
 * result's end-to-end latency (timings.totalMs). Sketches merge by adding counts.
 */
public final class SignalSketch {
  /** Signals of one category. */
  public static final class CategorySignals {
    final FixedBinHistogram top1Scores;
    long phrases;
    long noBoxPhrases;

    CategorySignals(FixedBinHistogram top1Scores, long phrases, long noBoxPhrases) {
      this.top1Scores = top1Scores;
      this.phrases = phrases;
      this.noBoxPhrases = noBoxPhrases;
    }

    public long phrases() {
      return phrases;
    }

    public double top1ScoreQuantile(double q) {
      return top1Scores.quantile(q);
    }

    /** Share of phrases with no box at or above the threshold; 0 when there is no phrase. */
    public double noBoxShare() {
      return phrases == 0 ? 0.0 : (double) noBoxPhrases / phrases;
    }

    void merge(CategorySignals other) {
      top1Scores.merge(other.top1Scores);
      phrases += other.phrases;
      noBoxPhrases += other.noBoxPhrases;
    }
  }

  private final TreeMap<String, CategorySignals> categories = new TreeMap<>();
  private final FixedBinHistogram latencyMs;
  private long results;

  private SignalSketch(FixedBinHistogram latencyMs) {
    this.latencyMs = latencyMs;
  }

  public static SignalSketch empty() {
    return new SignalSketch(FixedBinHistogram.latencyMs());
  }

  /** The sketch of a single result. */
  public static SignalSketch of(GroundingResult result, double noBoxScoreThreshold) {
    SignalSketch sketch = empty();
    sketch.results = 1;
    sketch.latencyMs.add(result.getTimings().getTotalMs());
    for (PhraseResult phrase : result.getPhrases()) {
      Float top1 = topScore(phrase);
      boolean noBox = top1 == null || top1 < noBoxScoreThreshold;
      EnumSet<PhraseType> types = phrase.getTypes().isEmpty()
          ? EnumSet.noneOf(PhraseType.class) : EnumSet.copyOf(phrase.getTypes());
      types.remove(PhraseType.notvisual);
      sketch.count(Categories.ALL, top1, noBox);
      for (PhraseType type : types) {
        sketch.count(type.name(), top1, noBox);
      }
    }
    return sketch;
  }

  /** The best finite score among the phrase's boxes (ranked best first, but do not rely on it). */
  private static Float topScore(PhraseResult phrase) {
    Float best = null;
    for (Box box : phrase.getBoxes()) {
      Float score = box.getScore();
      if (score != null && Float.isFinite(score) && (best == null || score > best)) {
        best = score;
      }
    }
    return best;
  }

  private void count(String category, Float top1, boolean noBox) {
    CategorySignals signals = categories.computeIfAbsent(category,
        c -> new CategorySignals(FixedBinHistogram.scores(), 0, 0));
    signals.phrases++;
    if (noBox) {
      signals.noBoxPhrases++;
    }
    if (top1 != null) {
      signals.top1Scores.add(top1);
    }
  }

  public SignalSketch merge(SignalSketch other) {
    other.categories.forEach((category, signals) -> categories.merge(category, signals, (mine, theirs) -> {
      mine.merge(theirs);
      return mine;
    }));
    latencyMs.merge(other.latencyMs);
    results += other.results;
    return this;
  }

  public Map<String, CategorySignals> categories() {
    return categories;
  }

  public long results() {
    return results;
  }

  public double latencyQuantileMs(double q) {
    return latencyMs.quantile(q);
  }

  public byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeLong(results);
      latencyMs.writeTo(out);
      out.writeInt(categories.size());
      for (var entry : categories.entrySet()) {
        out.writeUTF(entry.getKey());
        out.writeLong(entry.getValue().phrases);
        out.writeLong(entry.getValue().noBoxPhrases);
        entry.getValue().top1Scores.writeTo(out);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SignalSketch decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      long results = in.readLong();
      SignalSketch sketch = new SignalSketch(FixedBinHistogram.readFrom(in, true));
      sketch.results = results;
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String category = in.readUTF();
        long phrases = in.readLong();
        long noBox = in.readLong();
        sketch.categories.put(category,
            new CategorySignals(FixedBinHistogram.readFrom(in, false), phrases, noBox));
      }
      return sketch;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
