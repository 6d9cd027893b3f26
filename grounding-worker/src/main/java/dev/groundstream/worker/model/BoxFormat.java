package dev.groundstream.worker.model;

/** How a model writes its boxes; every format is converted to model-input pixels xyxy first. */
public enum BoxFormat {
  CXCYWH_NORMALIZED("cxcywh-normalized"),
  XYXY_NORMALIZED("xyxy-normalized"),
  XYXY_PIXELS("xyxy-pixels");

  private final String cardName;

  BoxFormat(String cardName) {
    this.cardName = cardName;
  }

  public String cardName() {
    return cardName;
  }

  public static BoxFormat fromCard(String value) {
    for (BoxFormat f : values()) {
      if (f.cardName.equals(value)) {
        return f;
      }
    }
    throw new ModelCardException("boxFormat '" + value
        + "' is not one of cxcywh-normalized, xyxy-normalized, xyxy-pixels");
  }

  /** Four raw values to x1,y1,x2,y2 in model-input pixels of an {@code inputWidth x inputHeight} input. */
  public float[] toInputPixels(float a, float b, float c, float d, int inputWidth, int inputHeight) {
    return switch (this) {
      case CXCYWH_NORMALIZED -> new float[] {
          (a - c / 2) * inputWidth, (b - d / 2) * inputHeight,
          (a + c / 2) * inputWidth, (b + d / 2) * inputHeight};
      case XYXY_NORMALIZED -> new float[] {a * inputWidth, b * inputHeight, c * inputWidth, d * inputHeight};
      case XYXY_PIXELS -> new float[] {a, b, c, d};
    };
  }
}
