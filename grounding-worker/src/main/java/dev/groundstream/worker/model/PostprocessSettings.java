package dev.groundstream.worker.model;

/** Per-phrase ranking: keep {@code topK} boxes after NMS at IoU {@code nmsIou}. */
public record PostprocessSettings(int topK, float nmsIou) {
  public static final PostprocessSettings DEFAULT = new PostprocessSettings(10, 0.5f);

  public PostprocessSettings {
    if (topK <= 0) {
      throw new IllegalArgumentException("top-k must be positive");
    }
    if (!(nmsIou > 0 && nmsIou <= 1)) {
      throw new IllegalArgumentException("NMS IoU threshold must be in (0, 1]");
    }
  }
}
