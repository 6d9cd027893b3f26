package dev.groundstream.worker.ranker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text-encoder evidence: cosine similarity (MiniLM) between a phrase's head and every class name,
 * with the class embeddings computed once and the phrases' through the encoder's cache. Cosines are rescaled to [0, 1] between
 * {@link RankerSettings#cosineFloor()} (unrelated words sit below it) and
 * {@link RankerSettings#cosineCeiling()}.
 */
public final class ClassNameSimilarity {
  /** Class-name embeddings per label list: computed once per process, not once per ranker. */
  private static final Map<List<String>, float[][]> CLASS_EMBEDDINGS = new ConcurrentHashMap<>();

  private final MiniLmTextEncoder encoder;
  private final RankerSettings settings;
  private final float[][] classEmbeddings;

  public ClassNameSimilarity(MiniLmTextEncoder encoder, List<String> labels, RankerSettings settings) {
    this.encoder = encoder;
    this.settings = settings;
    this.classEmbeddings = CLASS_EMBEDDINGS.computeIfAbsent(List.copyOf(labels), encoder::embedAll);
  }

  /**
   * Raw cosine similarity of {@code text} to every class name. The text's encoding comes from the
   * encoder's LRU cache (shared by every ranker on the encoder, kept across requests); the cosines
   * themselves are a few hundred multiply-adds per class and are not cached.
   */
  public float[] cosines(String text) {
    float[] e = encoder.embedCached(text);
    float[] out = new float[classEmbeddings.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = MiniLmTextEncoder.cosine(e, classEmbeddings[c]);
    }
    return out;
  }

  /** Cosines rescaled to [0, 1]: 0 at or below the floor, 1 at or above the ceiling. */
  public float[] relevance(String text) {
    float[] cos = cosines(text);
    float span = settings.cosineCeiling() - settings.cosineFloor();
    for (int c = 0; c < cos.length; c++) {
      cos[c] = Math.max(0, Math.min(1, (cos[c] - settings.cosineFloor()) / span));
    }
    return cos;
  }
}
