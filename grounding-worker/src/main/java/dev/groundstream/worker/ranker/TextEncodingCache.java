package dev.groundstream.worker.ranker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Text encodings by phrase text, kept across requests up to {@code capacity} texts, the least
 * recently used dropped first: captions repeat their phrases ("a man", "the street"), and one
 * encoding costs a MiniLM run of a few ms while a look-up costs microseconds. The encoding is
 * computed outside the lock (two threads may both compute a new text once). Thread-safe; hands out
 * copies, so callers may change what they get.
 */
public final class TextEncodingCache {
  private final Map<String, float[]> entries = new LinkedHashMap<>(16, 0.75f, true);
  private int capacity;
  private long hits;
  private long misses;

  public TextEncodingCache(int capacity) {
    resize(capacity);
  }

  /** The encoding of {@code text}, from the cache or computed by {@code encoder} and kept. */
  public float[] get(String text, Function<String, float[]> encoder) {
    synchronized (this) {
      float[] cached = entries.get(text);
      if (cached != null) {
        hits++;
        return cached.clone();
      }
      misses++;
    }
    float[] encoded = encoder.apply(text);
    synchronized (this) {
      if (capacity > 0) {
        entries.put(text, encoded.clone());
        evict();
      }
    }
    return encoded;
  }

  /** Keeps at most {@code newCapacity} texts from now on (0 = none), dropping the least recent ones. */
  public synchronized void resize(int newCapacity) {
    if (newCapacity < 0) {
      throw new IllegalArgumentException("cache capacity must be >= 0, got " + newCapacity);
    }
    capacity = newCapacity;
    evict();
  }

  private void evict() {
    var oldest = entries.keySet().iterator();
    while (entries.size() > capacity) {
      oldest.next();
      oldest.remove();
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized boolean contains(String text) {
    return entries.containsKey(text); // containsKey does not count as a use
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }
}
