package dev.groundstream.worker.ranker;

import dev.groundstream.worker.model.ScoredBox;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A spatial word of a phrase and how well a box fits it, in [0, 1]: position of the box centre in
 * the image for left/right/top/bottom/middle; size relative to the largest candidate for
 * front/back (nearer objects look bigger: a size prior, not depth).
 */
public enum SpatialCue {
  LEFT, RIGHT, TOP, BOTTOM, MIDDLE, FRONT, BACK;

  private static final Map<String, SpatialCue> WORDS = Map.ofEntries(
      Map.entry("left", LEFT), Map.entry("leftmost", LEFT),
      Map.entry("right", RIGHT), Map.entry("rightmost", RIGHT),
      Map.entry("top", TOP), Map.entry("upper", TOP), Map.entry("above", TOP), Map.entry("topmost", TOP),
      Map.entry("bottom", BOTTOM), Map.entry("lower", BOTTOM), Map.entry("below", BOTTOM),
      Map.entry("middle", MIDDLE), Map.entry("center", MIDDLE), Map.entry("centre", MIDDLE), Map.entry("central", MIDDLE),
      Map.entry("front", FRONT), Map.entry("foreground", FRONT), Map.entry("closest", FRONT), Map.entry("nearest", FRONT),
      Map.entry("back", BACK), Map.entry("background", BACK), Map.entry("distant", BACK), Map.entry("farthest", BACK));

  public static Optional<SpatialCue> of(String word) {
    return Optional.ofNullable(WORDS.get(word.toLowerCase(Locale.ROOT)));
  }

  /** How well {@code box} fits this cue, 0..1; {@code maxArea} is the largest candidate's area. */
  public float fit(ScoredBox box, int imageWidth, int imageHeight, float maxArea) {
    float cx = clamp01((box.x1() + box.x2()) / 2 / imageWidth);
    float cy = clamp01((box.y1() + box.y2()) / 2 / imageHeight);
    float size = maxArea > 0 ? clamp01(box.area() / maxArea) : 0;
    return switch (this) {
      case LEFT -> 1 - cx;
      case RIGHT -> cx;
      case TOP -> 1 - cy;
      case BOTTOM -> cy;
      case MIDDLE -> 1 - 2 * Math.abs(cx - 0.5f);
      case FRONT -> size;
      case BACK -> 1 - size;
    };
  }

  private static float clamp01(float v) {
    return Math.max(0, Math.min(1, v));
  }
}
