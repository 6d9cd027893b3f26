package dev.groundstream.launcher.synthetic;

/**
 * The words that relate two groups of objects in a caption. A direction is only claimed when it
 * holds for every pixel (one group's enclosing box lies wholly to one side of the other's);
 * otherwise the caption just says "and".
 */
public enum SpatialRelation {
  LEFT_OF("left of"),
  RIGHT_OF("right of"),
  ABOVE("above"),
  BELOW("below"),
  AND("and");

  private final String words;

  SpatialRelation(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  /** How {@code first} relates to {@code second}; horizontal words win when both hold. */
  public static SpatialRelation between(PixelBox first, PixelBox second) {
    if (first.x2() < second.x1()) {
      return LEFT_OF;
    }
    if (first.x1() > second.x2()) {
      return RIGHT_OF;
    }
    if (first.y2() < second.y1()) {
      return ABOVE;
    }
    if (first.y1() > second.y2()) {
      return BELOW;
    }
    return AND;
  }
}
