package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.ScoredBox;
import java.util.List;

/**
 * Region boxes of a small person (box under {@link #MAX_HEIGHT} px tall) as fractions of the person
 * box (grounding-worker/docs/ranker.md, "small people"). At that size the pose stage sees the person
 * about 20-60 px tall, so a keypoint is a few pixels off, which is the whole width of a head; the
 * person box edges are sharper. The fractions are the means of the hand-drawn boxes of the
 * group-photos dev split relative to their person (top = 0.12-0.56 of the height, trousers
 * 0.53-0.98, hair the top 0.16, 0.15 x height wide); the head's x centre comes from the face
 * keypoints where seen, since people turn their heads.
 */
final class SmallPersonRegions {
  /** Persons shorter than this (original pixels) are boxed by fractions. */
  static final float MAX_HEIGHT = 200;

  private SmallPersonRegions() {}

  static boolean small(Person p) {
    return p.box().y2() - p.box().y1() < MAX_HEIGHT;
  }

  /** The region's box clipped to the image (one box; at this size a pair of feet is one box). */
  static List<ScoredBox> boxes(Person p, BodyRegion region, boolean tall, int imageW, int imageH) {
    return boxes(p, region, tall, false, imageW, imageH);
  }

  /** {@code shortHair}: "short hair" ends higher (0.12 of the height instead of 0.16). */
  static List<ScoredBox> boxes(Person p, BodyRegion region, boolean tall, boolean shortHair, int imageW, int imageH) {
    ScoredBox r = raw(p, region, tall, shortHair);
    float x1 = Math.max(0, Math.min(imageW - 1, r.x1()));
    float y1 = Math.max(0, Math.min(imageH - 1, r.y1()));
    float x2 = Math.max(x1 + 1, Math.min(imageW, r.x2()));
    float y2 = Math.max(y1 + 1, Math.min(imageH, r.y2()));
    return List.of(new ScoredBox(x1, y1, x2, y2, 0));
  }

  private static ScoredBox raw(Person p, BodyRegion region, boolean tall, boolean shortHair) {
    ScoredBox b = p.box();
    float w = b.x2() - b.x1();
    float h = b.y2() - b.y1();
    float cx = headX(p);
    return switch (region) {
      case HEAD -> square(cx, b.y1(), 0.13f * h, 0.15f * h);
      case HAIR -> square(cx, b.y1(), (tall ? 0.17f : 0.15f) * h, (tall ? 0.2f : shortHair ? 0.12f : 0.16f) * h);
      case FACE -> square(cx, b.y1() + 0.03f * h, 0.11f * h, 0.12f * h);
      case HAT -> square(cx, b.y1(), 0.17f * h, 0.2f * h);
      case TOP, ARMS -> frac(b, w, h, 0.04f, 0.12f, 0.95f, 0.56f);
      case COAT -> frac(b, w, h, 0.02f, 0.13f, 0.96f, tall ? 0.74f : 0.68f);
      case DRESS -> frac(b, w, h, 0.04f, 0.12f, 0.96f, 0.8f);
      case OUTFIT -> frac(b, w, h, 0, 0.1f, 1, 1);
      case TROUSERS, LEGS -> frac(b, w, h, 0.1f, 0.53f, 0.92f, 0.98f);
      case SHORTS -> frac(b, w, h, 0.1f, 0.5f, 0.92f, 0.78f);
      case FEET -> frac(b, w, h, 0.05f, tall ? 0.82f : 0.9f, 0.95f, 1);
      case HANDS -> frac(b, w, h, 0, 0.42f, 1, 0.62f);
    };
  }

  /** x centre of the head: the mean of the seen face keypoints, else of the shoulders, else the box's. */
  static float headX(Person p) {
    float cx = (p.box().x1() + p.box().x2()) / 2;
    float s = 0;
    int n = 0;
    for (Keypoint k : new Keypoint[] {Keypoint.NOSE, Keypoint.LEFT_EYE, Keypoint.RIGHT_EYE, Keypoint.LEFT_EAR,
        Keypoint.RIGHT_EAR}) {
      if (p.seen(k)) {
        s += p.x(k);
        n++;
      }
    }
    if (n == 0 && p.seen(Keypoint.LEFT_SHOULDER) && p.seen(Keypoint.RIGHT_SHOULDER)) {
      s = p.x(Keypoint.LEFT_SHOULDER) + p.x(Keypoint.RIGHT_SHOULDER);
      n = 2;
    }
    float x = n > 0 ? s / n : cx;
    // a keypoint outside its own box is a pose/detector mismatch: stay within the box
    return Math.max(p.box().x1(), Math.min(p.box().x2(), x));
  }

  private static ScoredBox square(float cx, float top, float width, float height) {
    return new ScoredBox(cx - width / 2, top, cx + width / 2, top + height, 0);
  }

  private static ScoredBox frac(ScoredBox b, float w, float h, float fx1, float fy1, float fx2, float fy2) {
    return new ScoredBox(b.x1() + fx1 * w, b.y1() + fy1 * h, b.x1() + fx2 * w, b.y1() + fy2 * h, 0);
  }
}
