package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real MiniLM encoder from the langchain4j jar's resources. */
class MiniLmTextEncoderTest {
  static final MiniLmTextEncoder ENCODER = MiniLmTextEncoder.shared();

  static float sim(String a, String b) {
    return MiniLmTextEncoder.cosine(ENCODER.embed(a), ENCODER.embed(b));
  }

  @Test
  void embeddingsAreUnitLength384AndDeterministic() {
    float[] e = ENCODER.embed("a puppy");
    assertEquals(384, e.length);
    assertEquals(1.0, MiniLmTextEncoder.cosine(e, e), 1e-4);
    assertArrayEquals(e, ENCODER.embed("a puppy"));
  }

  @Test
  void relatedWordsAreCloserThanUnrelatedOnes() {
    assertTrue(sim("a puppy", "dog") > sim("a puppy", "car"), "puppy: dog vs car");
    assertTrue(sim("a pickup truck", "truck") > sim("a pickup truck", "cat"), "pickup truck: truck vs cat");
    assertTrue(sim("a kitten", "cat") > sim("a kitten", "bicycle"), "kitten: cat vs bicycle");
    assertTrue(sim("an automobile", "car") > sim("an automobile", "banana"), "automobile: car vs banana");
  }

  @Test
  void classSimilarityRescalesBetweenFloorAndCeiling() {
    List<String> labels = List.of("dog", "car");
    ClassNameSimilarity similarity = new ClassNameSimilarity(ENCODER, labels, RankerSettings.DEFAULT);
    float[] cos = similarity.cosines("puppy");
    float[] rel = similarity.relevance("puppy");
    RankerSettings s = RankerSettings.DEFAULT;
    for (int c = 0; c < labels.size(); c++) {
      float expected = Math.max(0, Math.min(1, (cos[c] - s.cosineFloor()) / (s.cosineCeiling() - s.cosineFloor())));
      assertEquals(expected, rel[c], 1e-6);
    }
    assertTrue(rel[0] > rel[1]);
  }
}
