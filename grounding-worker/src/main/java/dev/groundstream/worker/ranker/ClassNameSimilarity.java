package dev.groundstream.worker.ranker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text-encoder evidence: cosine similarity (MiniLM) between a phrase's head and every class name,
 * with the class embeddings computed once. Cosines are rescaled to [0, 1] between
 * {@link RankerSettings#cosineFloor()} (unrelated words sit below it) and
 * {@link RankerSettings#cosineCeiling()}.
 */
public final class ClassNameSimilarity {
  private static final int CACHE_LIMIT = 10_000;
  /** Class-name embeddings per label list: computed once per process, not once per ranker. */
  private static final Map<List<String>, float[][]> CLASS_EMBEDDINGS = new ConcurrentHashMap<>();

  private final MiniLmTextEncoder encoder;
  private final RankerSettings settings;
  private final float[][] classEmbeddings;
  private final Map<String, float[]> cache = new ConcurrentHashMap<>();

  public ClassNameSimilarity(MiniLmTextEncoder encoder, List<String> labels, RankerSettings settings) {
    this.encoder = encoder;
    this.settings = settings;
    this.classEmbeddings = CLASS_EMBEDDINGS.computeIfAbsent(List.copyOf(labels), encoder::embedAll);
  }

  /** Raw cosine similarity of {@code text} to every class name. */
  public float[] cosines(String text) {
    float[] cached = cache.get(text);
    if (cached != null) {
      return cached.clone();
    }
    float[] e = encoder.embed(text);
    float[] out = new float[classEmbeddings.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = MiniLmTextEncoder.cosine(e, classEmbeddings[c]);
    }
    if (cache.size() < CACHE_LIMIT) {
      cache.put(text, out.clone());
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
