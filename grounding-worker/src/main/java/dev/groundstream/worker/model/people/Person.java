package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.ScoredBox;

/**
 * One person found by the pose stage, in original-image pixels: the pose model's box and score and
 * its 17 COCO keypoints ({@link Keypoint} order), each with its own confidence.
 */
public record Person(ScoredBox box, float[] x, float[] y, float[] confidence) {
  /** Keypoints below this confidence are treated as not seen. */
  public static final float MIN_KEYPOINT = 0.2f;

  public Person {
    if (x.length != Keypoint.COUNT || y.length != Keypoint.COUNT || confidence.length != Keypoint.COUNT) {
      throw new IllegalArgumentException("a person needs " + Keypoint.COUNT + " keypoints");
    }
  }

  public boolean seen(Keypoint k) {
    return confidence[k.ordinal()] >= MIN_KEYPOINT && Float.isFinite(x[k.ordinal()]) && Float.isFinite(y[k.ordinal()]);
  }

  public float x(Keypoint k) {
    return x[k.ordinal()];
  }

  public float y(Keypoint k) {
    return y[k.ordinal()];
  }
}
