package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.phrases.WordNet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordNetClassMatcherTest {
  static final List<String> LABELS = List.of("person", "bicycle", "car", "truck", "cat", "dog", "horse", "book",
      "kite", "mouse", "tie");
  static final WordNetClassMatcher MATCHER = new WordNetClassMatcher(WordNet.shared(), LABELS, RankerSettings.DEFAULT);

  static float relevance(String head, String label) {
    return MATCHER.relevance(head)[LABELS.indexOf(label)];
  }

  static String best(String head) {
    float[] r = MATCHER.relevance(head);
    int best = 0;
    for (int i = 1; i < r.length; i++) {
      if (r[i] > r[best]) {
        best = i;
      }
    }
    return LABELS.get(best);
  }

  @Test
  void hyponymsOfAClassMatchIt() {
    for (String head : List.of("man", "woman", "boy", "girl", "child", "kid", "guy", "player", "footballer", "men")) {
      assertEquals(1f, relevance(head, "person"), head);
    }
    assertEquals(1f, relevance("puppy", "dog"));
    assertEquals(1f, relevance("pickup", "truck"));
    // WordNet files kitten under "young mammal", not under cat: the text encoder covers that gap
    // (SemanticRankerTest.theTextEncoderCoversWhatWordNetMisses)
    assertEquals(0f, relevance("kitten", "cat"));
    assertEquals(1f, relevance("sedan", "car"));
  }

  @Test
  void synonymsMatchThroughTheirSynset() {
    assertEquals(1f, relevance("automobile", "car"));
    assertEquals(1f, relevance("necktie", "tie"));
    assertEquals("car", best("auto"));
  }

  @Test
  void hypernymsMatchWeaker() {
    float feline = relevance("feline", "cat");
    assertTrue(feline >= RankerSettings.DEFAULT.matchThreshold() && feline < 1, "feline -> cat " + feline);
    assertTrue(relevance("animal", "dog") >= RankerSettings.DEFAULT.matchThreshold());
    assertTrue(relevance("animal", "horse") >= RankerSettings.DEFAULT.matchThreshold());
    assertTrue(relevance("vehicle", "truck") >= RankerSettings.DEFAULT.matchThreshold());
    // too general: "object" sits near WordNet's root
    for (String label : LABELS) {
      assertTrue(relevance("object", label) < RankerSettings.DEFAULT.matchThreshold(), label);
    }
  }

  @Test
  void anchorsPickTheRightSense() {
    // kite#3 is the toy (kite#4 the hawk); mouse#4 the computer mouse (mouse#1 the rodent)
    assertEquals(1f, relevance("kite", "kite"));
    assertTrue(relevance("hawk", "kite") < RankerSettings.DEFAULT.matchThreshold());
    assertTrue(relevance("rodent", "mouse") < RankerSettings.DEFAULT.matchThreshold());
    // a class name is always a match, whatever WordNet's sense order (book#1 is the written work)
    assertEquals(1f, relevance("book", "book"));
    assertEquals(1f, relevance("books", "book"));
  }

  @Test
  void unrelatedWordsMatchNothing() {
    for (String head : List.of("shirt", "street", "beach", "sky")) {
      for (String label : LABELS) {
        assertTrue(relevance(head, label) < RankerSettings.DEFAULT.matchThreshold(), head + " -> " + label);
      }
    }
  }
}
