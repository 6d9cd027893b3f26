package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.TestFixtures;
import dev.groundstream.worker.onnx.OrtSettings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake detector (src/test/python/make_test_models.py) on letterboxed images: exact boxes. */
class DetectorRankerModelTest {
  static GroundingModel model;

  @BeforeAll
  static void load() throws Exception {
    model = GroundingModels.load(TestFixtures.model("fake-detector"), OrtSettings.cpu());
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  /**
   * The proposals of the fake detector for a uniform {@code gray} 64x32 image: letterboxed into
   * 32x32 (content 32x16 at y 8), mean input m = gray/255 * 0.5; model boxes shift right by 4m;
   * back to the original: x * 2, (y - 8) * 2, clipped to 64x32.
   */
  static ScoredBox expectedProposal(int index, int gray) {
    float[][] base = {{2, 2, 14, 30, 0.90f}, {3, 2, 15, 30, 0.80f}, {18, 4, 30, 16, 0.70f},
        {16, 18, 30, 30, 0.60f}, {20, 2, 28, 12, 0.50f}};
    float m = gray / 255f * 0.5f;
    float[] b = base[index];
    return new ScoredBox(clip((b[0] + 4 * m) * 2, 64), clip((b[1] - 8) * 2, 32),
        clip((b[2] + 4 * m) * 2, 64), clip((b[3] - 8) * 2, 32), b[4] + 0.05f * m);
  }

  private static float clip(float v, float max) {
    return Math.max(0, Math.min(max, v));
  }

  static GroundingInput input(int gray, String... phrases) throws Exception {
    List<PhraseQuery> queries = new java.util.ArrayList<>();
    for (int i = 0; i < phrases.length; i++) {
      queries.add(new PhraseQuery("p" + i, phrases[i], 0, phrases[i].length()));
    }
    return new GroundingInput(model.preprocessor().preprocess(TestFixtures.uniformPng(64, 32, gray)),
        String.join(" ", phrases), queries);
  }

  @Test
  void ranksProposalsPerPhraseByLabelMatchAfterNms() throws Exception {
    List<GroundingOutcome> out = model.ground(List.of(input(100, "a person on the left", "two dogs")));
    List<PhraseGrounding> phrases = ((GroundingOutcome.Grounded) out.get(0)).phrases();

    float w = LabelMatchScorer.NON_MATCH_WEIGHT;
    // person: both person proposals first (the second person box overlaps the first: NMS drops it),
    // then the non-matching dog and car with 1% of their detector score
    assertBoxes(List.of(expectedProposal(0, 100), expectedProposal(4, 100),
        scaled(expectedProposal(2, 100), w), scaled(expectedProposal(3, 100), w)), phrases.get(0).boxes());
    // "dogs" matches the label "dog"; the two overlapping person boxes still suppress each other
    assertBoxes(List.of(expectedProposal(2, 100), scaled(expectedProposal(0, 100), w),
        scaled(expectedProposal(3, 100), w), scaled(expectedProposal(4, 100), w)), phrases.get(1).boxes());
  }

  @Test
  void aBatchKeepsEachImagesOwnProposals() throws Exception {
    List<GroundingOutcome> out = model.ground(List.of(input(0, "a car"), input(200, "a car")));
    assertBoxes(List.of(expectedProposal(3, 0)),
        ((GroundingOutcome.Grounded) out.get(0)).phrases().get(0).boxes().subList(0, 1));
    assertBoxes(List.of(expectedProposal(3, 200)),
        ((GroundingOutcome.Grounded) out.get(1)).phrases().get(0).boxes().subList(0, 1));
  }

  @Test
  void nanOutputFailsOnlyTheMarkedInput() throws Exception {
    // A white square image fills the whole input: mean 1.0 > 0.9 makes the fake detector emit NaN.
    GroundingInput white = new GroundingInput(model.preprocessor().preprocess(TestFixtures.uniformPng(32, 32, 255)),
        "a dog", List.of(new PhraseQuery("p0", "a dog", 0, 5)));
    List<GroundingOutcome> out = model.ground(List.of(input(50, "a dog"), white, input(60, "a dog")));
    assertInstanceOf(GroundingOutcome.Grounded.class, out.get(0));
    GroundingOutcome.Failed failed = assertInstanceOf(GroundingOutcome.Failed.class, out.get(1));
    assertInstanceOf(NonFiniteOutputException.class, failed.error());
    assertTrue(failed.error().getMessage().contains("NaN"), failed.error().getMessage());
    assertInstanceOf(GroundingOutcome.Grounded.class, out.get(2));
  }

  private static ScoredBox scaled(ScoredBox b, float factor) {
    return b.withScore(b.score() * factor);
  }

  static void assertBoxes(List<ScoredBox> expected, List<ScoredBox> actual) {
    assertEquals(expected.size(), actual.size(), () -> "boxes " + actual);
    for (int i = 0; i < expected.size(); i++) {
      ScoredBox e = expected.get(i);
      ScoredBox a = actual.get(i);
      String where = "box " + i + ": expected " + e + " got " + a;
      assertEquals(e.x1(), a.x1(), 1e-3, where);
      assertEquals(e.y1(), a.y1(), 1e-3, where);
      assertEquals(e.x2(), a.x2(), 1e-3, where);
      assertEquals(e.y2(), a.y2(), 1e-3, where);
      assertEquals(e.score(), a.score(), 1e-5, where);
    }
  }
}
