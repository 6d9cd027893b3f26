package dev.groundstream.worker.model;

import static dev.groundstream.worker.model.DetectorRankerModelTest.assertBoxes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.worker.TestFixtures;
import dev.groundstream.worker.onnx.OrtSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * box-queries and caption-spans fakes: a proposal's logit is minus the distance between a token-id
 * number and the proposal's target (3, 7, 9, 12); boxes are cxcywh-normalised constants whose cx
 * moves by 0.1 * (mean input). Token ids come from the fixture vocabulary: a=1 man=2 red=3 shirt=4
 * dog=5 with=12.
 */
class TextModelsTest {
  static final float[] TARGETS = {3, 7, 9, 12};
  static final float[][] BOXES = {{0.25f, 0.25f, 0.25f, 0.25f}, {0.75f, 0.25f, 0.25f, 0.25f},
      {0.25f, 0.75f, 0.25f, 0.25f}, {0.5f, 0.5f, 0.5f, 0.5f}};

  static float sigmoid(float x) {
    return (float) (1 / (1 + Math.exp(-x)));
  }

  @Test
  void tokenizerGivesIdsAndCharacterSpans() {
    try (PhraseTokenizer tokenizer = new PhraseTokenizer(TestFixtures.model("fake-box-queries").resolve("tokenizer.json"))) {
      TokenizedText t = tokenizer.encode("A man with a RED shirt");
      assertArrayEquals(new long[] {1, 2, 12, 1, 3, 4}, t.ids());
      assertArrayEquals(new int[] {0, 2, 6, 11, 13, 17}, t.starts());
      assertArrayEquals(new int[] {1, 5, 10, 12, 16, 22}, t.ends());
    }
  }

  @Test
  void boxQueriesScoresEveryProposalPerPhraseQuery() throws Exception {
    try (GroundingModel model = GroundingModels.load(TestFixtures.model("fake-box-queries"), OrtSettings.cpu())) {
      // stretch 40x20 -> 32x32; mean/std 0.5: m = (100/255 - 0.5) / 0.5
      float m = (100 / 255f - 0.5f) / 0.5f;
      GroundingInput input = new GroundingInput(model.preprocessor().preprocess(TestFixtures.uniformPng(40, 20, 100)),
          "red ... a dog", List.of(new PhraseQuery("p0", "red", 0, 3), new PhraseQuery("p1", "a dog", 8, 13)));
      List<PhraseGrounding> out = ((GroundingOutcome.Grounded) model.ground(List.of(input)).get(0)).phrases();
      assertBoxes(expected(3, m, 40, 20, 0, 0, 40f / 32, 20f / 32), out.get(0).boxes());  // "red": id sum 3
      assertBoxes(expected(6, m, 40, 20, 0, 0, 40f / 32, 20f / 32), out.get(1).boxes());  // "a dog": 1 + 5
    }
  }

  @Test
  void captionSpansTakesTheBestTokenOfEachPhraseSpan() throws Exception {
    try (GroundingModel model = GroundingModels.load(TestFixtures.model("fake-caption-spans"), OrtSettings.cpu())) {
      // letterbox 64x32 -> content 32x16 at y 8; m = gray/255 * 0.5
      String caption = "a man with a red shirt";
      GroundingInput first = new GroundingInput(model.preprocessor().preprocess(TestFixtures.uniformPng(64, 32, 100)),
          caption, List.of(new PhraseQuery("p0", "a man", 0, 5), new PhraseQuery("p1", "a red shirt", 11, 22)));
      GroundingInput second = new GroundingInput(model.preprocessor().preprocess(TestFixtures.uniformPng(64, 32, 30)),
          "a dog", List.of(new PhraseQuery("p0", "a dog", 0, 5)));
      List<GroundingOutcome> out = model.ground(List.of(first, second));
      List<PhraseGrounding> a = ((GroundingOutcome.Grounded) out.get(0)).phrases();
      float m1 = 100 / 255f * 0.5f;
      // "a man": tokens a(1), man(2) -> best token per target is 2 (and 1 for none closer)
      assertBoxes(expectedByToken(new float[] {1, 2}, m1), a.get(0).boxes());
      assertBoxes(expectedByToken(new float[] {1, 3, 4}, m1), a.get(1).boxes());
      // second caption is shorter: its padding (-100) must not count
      List<PhraseGrounding> b = ((GroundingOutcome.Grounded) out.get(1)).phrases();
      assertBoxes(expectedByToken(new float[] {1, 5}, 30 / 255f * 0.5f), b.get(0).boxes());
    }
  }

  /** box-queries: logit = -|idSum - target|, stretch mapping with the given scale. */
  private static List<ScoredBox> expected(float idSum, float m, int w, int h, float padX, float padY, float sx, float sy) {
    List<ScoredBox> out = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      out.add(box(p, m, sigmoid(-Math.abs(idSum - TARGETS[p])), padX, padY, sx, sy, w, h));
    }
    out.sort((x, y) -> Float.compare(y.score(), x.score()));
    return out;
  }

  /** caption-spans on 64x32 letterboxed: logit = max over tokens of -|id - target|. */
  private static List<ScoredBox> expectedByToken(float[] tokenIds, float m) {
    List<ScoredBox> out = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      float best = Float.NEGATIVE_INFINITY;
      for (float id : tokenIds) {
        best = Math.max(best, -Math.abs(id - TARGETS[q]));
      }
      out.add(box(q, m, sigmoid(best), 0, 8, 2, 2, 64, 32));
    }
    out.sort((x, y) -> Float.compare(y.score(), x.score()));
    return out;
  }

  private static ScoredBox box(int p, float m, float score, float padX, float padY, float sx, float sy, int w, int h) {
    float cx = BOXES[p][0] + 0.1f * m;
    float[] in = {(cx - BOXES[p][2] / 2) * 32, (BOXES[p][1] - BOXES[p][3] / 2) * 32,
        (cx + BOXES[p][2] / 2) * 32, (BOXES[p][1] + BOXES[p][3] / 2) * 32};
    return new ScoredBox(clip((in[0] - padX) * sx, w), clip((in[1] - padY) * sy, h),
        clip((in[2] - padX) * sx, w), clip((in[3] - padY) * sy, h), score);
  }

  private static float clip(float v, float max) {
    return Math.max(0, Math.min(max, v));
  }

  @Test
  void sanity() {
    assertEquals(0.5f, sigmoid(0));
  }
}
