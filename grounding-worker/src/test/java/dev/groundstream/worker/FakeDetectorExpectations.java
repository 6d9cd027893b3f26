package dev.groundstream.worker;

import dev.groundstream.worker.model.LabelMatchScorer;
import dev.groundstream.worker.model.ScoredBox;
import java.util.List;

/**
 * What the fake detector (src/test/python/make_test_models.py) must produce for a uniform gray
 * 64x32 image, computed from the generator's constants, not by running the model: letterboxed into
 * 32x32 (content 32x16 at y 8), mean input m = gray/255 * 0.5; model boxes move right by 4m, scores
 * rise by 0.05m; back to the original: x * 2, (y - 8) * 2, clipped to 64x32.
 */
public final class FakeDetectorExpectations {
  private static final float[][] BASE = {{2, 2, 14, 30, 0.90f}, {3, 2, 15, 30, 0.80f}, {18, 4, 30, 16, 0.70f},
      {16, 18, 30, 30, 0.60f}, {20, 2, 28, 12, 0.50f}};
  public static final int PERSON = 0;
  public static final int PERSON_OVERLAPPING = 1;
  public static final int DOG = 2;
  public static final int CAR = 3;
  public static final int SMALL_PERSON = 4;

  private FakeDetectorExpectations() {}

  public static ScoredBox proposal(int index, int gray) {
    float m = gray / 255f * 0.5f;
    float[] b = BASE[index];
    return new ScoredBox(clip((b[0] + 4 * m) * 2, 64), clip((b[1] - 8) * 2, 32),
        clip((b[2] + 4 * m) * 2, 64), clip((b[3] - 8) * 2, 32), b[4] + 0.05f * m);
  }

  /** Ranked boxes of a phrase naming "person": both people (the overlapping one lost to NMS), then the rest at 1%. */
  public static List<ScoredBox> personPhrase(int gray) {
    return List.of(proposal(PERSON, gray), proposal(SMALL_PERSON, gray),
        nonMatch(proposal(DOG, gray)), nonMatch(proposal(CAR, gray)));
  }

  /** Ranked boxes of a phrase naming "dog"/"dogs". */
  public static List<ScoredBox> dogPhrase(int gray) {
    return List.of(proposal(DOG, gray), nonMatch(proposal(PERSON, gray)),
        nonMatch(proposal(CAR, gray)), nonMatch(proposal(SMALL_PERSON, gray)));
  }

  private static ScoredBox nonMatch(ScoredBox b) {
    return b.withScore(b.score() * LabelMatchScorer.NON_MATCH_WEIGHT);
  }

  private static float clip(float v, float max) {
    return Math.max(0, Math.min(max, v));
  }
}
