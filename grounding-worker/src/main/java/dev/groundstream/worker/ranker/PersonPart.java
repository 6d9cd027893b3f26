package dev.groundstream.worker.ranker;

import dev.groundstream.worker.model.ScoredBox;

/**
 * Where clothing and body parts sit inside a person box, as fractions (x1, y1, x2, y2) of the box,
 * assuming an upright person seen from the front; coarse priors, not detections. Sitting people,
 * close-ups and people seen from behind break them.
 */
public enum PersonPart {
  /** hair, hats, helmets, the head: top fifth, central 60% of the width */
  HEAD(0.2f, 0.0f, 0.8f, 0.2f),
  /** face, eyes, glasses, beard */
  FACE(0.3f, 0.03f, 0.7f, 0.16f),
  /** shirts, jackets, coats, the torso: 15% to 55% of the height, full width */
  UPPER_BODY(0.0f, 0.15f, 1.0f, 0.55f),
  /** trousers, shorts, skirts, legs */
  LOWER_BODY(0.05f, 0.45f, 0.95f, 0.92f),
  /** shoes, boots, feet: bottom 12% */
  FEET(0.0f, 0.88f, 1.0f, 1.0f),
  /** hands, arms, gloves: the band beside the torso where hanging or raised hands mostly are */
  HANDS(0.0f, 0.3f, 1.0f, 0.65f),
  /** dresses, uniforms, suits, costumes, "clothes": the whole person */
  FULL_BODY(0.0f, 0.0f, 1.0f, 1.0f);

  private final float fx1;
  private final float fy1;
  private final float fx2;
  private final float fy2;

  PersonPart(float fx1, float fy1, float fx2, float fy2) {
    this.fx1 = fx1;
    this.fy1 = fy1;
    this.fx2 = fx2;
    this.fy2 = fy2;
  }

  /** The part's box inside {@code person}, with {@code score}. */
  public ScoredBox of(ScoredBox person, float score) {
    float w = person.x2() - person.x1();
    float h = person.y2() - person.y1();
    return new ScoredBox(person.x1() + fx1 * w, person.y1() + fy1 * h, person.x1() + fx2 * w,
        person.y1() + fy2 * h, score);
  }
}
