package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The bounded LRU of phrase encodings, and that rankers' phrase encodings go through it across requests. */
class TextEncodingCacheTest {
  private final List<String> encoded = new ArrayList<>();
  private final Function<String, float[]> encoder = text -> {
    encoded.add(text);
    return new float[] {text.length(), 1};
  };

  @Test
  void keepsTheMostRecentlyUsedTextsUpToItsCapacity() {
    TextEncodingCache cache = new TextEncodingCache(2);
    cache.get("a man", encoder);
    cache.get("a dog", encoder);
    assertArrayEquals(new float[] {5, 1}, cache.get("a man", encoder)); // hit: "a man" is now the most recent
    cache.get("the street", encoder); // over capacity: the least recently used ("a dog") goes
    assertEquals(List.of("a man", "a dog", "the street"), encoded, "each text encoded once so far");
    assertTrue(cache.contains("a man"));
    assertFalse(cache.contains("a dog"));
    assertEquals(2, cache.size());
    cache.get("a dog", encoder);
    assertEquals(4, encoded.size(), "an evicted text is encoded again");
    assertEquals(1, cache.hits());
    assertEquals(4, cache.misses());
  }

  @Test
  void handsOutCopiesAndCanBeShrunkOrTurnedOff() {
    TextEncodingCache cache = new TextEncodingCache(3);
    cache.get("a", encoder)[0] = 99;
    assertEquals(1, cache.get("a", encoder)[0], "a caller's change does not reach the cache");
    cache.get("b", encoder);
    cache.get("c", encoder);
    cache.resize(1);
    assertEquals(1, cache.size());
    assertTrue(cache.contains("c"), "shrinking keeps the most recent");
    cache.resize(0);
    cache.get("d", encoder);
    cache.get("d", encoder);
    assertEquals(0, cache.size());
    assertEquals(List.of("a", "b", "c", "d", "d"), encoded, "with capacity 0 nothing is kept");
  }

  @Test
  void rankersShareThePhraseEncodingsOfTheirEncoderAcrossRequests() {
    MiniLmTextEncoder encoder = MiniLmTextEncoder.shared();
    List<String> labels = List.of("dog", "car");
    ClassNameSimilarity first = new ClassNameSimilarity(encoder, labels, RankerSettings.DEFAULT);
    ClassNameSimilarity second = new ClassNameSimilarity(encoder, List.of("cat"), RankerSettings.DEFAULT);
    String phrase = "a fluffy puppy " + System.nanoTime(); // a text no other test has encoded
    long misses = encoder.encodings().misses();
    float[] cos = first.cosines(phrase);
    assertEquals(misses + 1, encoder.encodings().misses(), "first sight: one MiniLM run");
    assertArrayEquals(cos, first.cosines(phrase), "the next request gets the same cosines");
    second.cosines(phrase);
    assertEquals(misses + 1, encoder.encodings().misses(), "later requests and other rankers reuse the encoding");
    assertTrue(encoder.encodings().contains(phrase));
    assertEquals(MiniLmTextEncoder.cosine(encoder.embed(phrase), encoder.embed("dog")), cos[0], 1e-6);
  }
}
