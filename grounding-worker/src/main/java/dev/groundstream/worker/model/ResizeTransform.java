package dev.groundstream.worker.model;

/**
 * The geometry of one resize: the original image ({@code originalWidth x originalHeight}) is drawn
 * scaled to {@code contentWidth x contentHeight} at offset ({@code padX}, {@code padY}) of the model
 * input. Both directions use the same numbers, so {@link #toOriginalX}(toInputX(x)) == x up to float
 * rounding: boxes go back to original pixels exactly.
 */
public record ResizeTransform(int originalWidth, int originalHeight, int inputWidth, int inputHeight,
    int contentWidth, int contentHeight, int padX, int padY) {

  public static ResizeTransform of(ResizeMode mode, int originalWidth, int originalHeight, int inputWidth, int inputHeight) {
    if (originalWidth <= 0 || originalHeight <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + originalWidth + "x" + originalHeight);
    }
    if (mode == ResizeMode.STRETCH) {
      return new ResizeTransform(originalWidth, originalHeight, inputWidth, inputHeight, inputWidth, inputHeight, 0, 0);
    }
    double scale = Math.min((double) inputWidth / originalWidth, (double) inputHeight / originalHeight);
    int contentWidth = Math.max(1, Math.min(inputWidth, (int) Math.round(originalWidth * scale)));
    int contentHeight = Math.max(1, Math.min(inputHeight, (int) Math.round(originalHeight * scale)));
    // Centred: the padding is split evenly, the odd pixel going right/bottom.
    return new ResizeTransform(originalWidth, originalHeight, inputWidth, inputHeight, contentWidth, contentHeight,
        (inputWidth - contentWidth) / 2, (inputHeight - contentHeight) / 2);
  }

  public double toInputX(double x) {
    return x * contentWidth / originalWidth + padX;
  }

  public double toInputY(double y) {
    return y * contentHeight / originalHeight + padY;
  }

  public double toOriginalX(double inputX) {
    return (inputX - padX) * originalWidth / contentWidth;
  }

  public double toOriginalY(double inputY) {
    return (inputY - padY) * originalHeight / contentHeight;
  }

  /** A model-input box (x1,y1,x2,y2) in original-image pixels, clipped to the image. */
  public float[] boxToOriginal(float x1, float y1, float x2, float y2) {
    return new float[] {
        (float) clamp(toOriginalX(Math.min(x1, x2)), originalWidth),
        (float) clamp(toOriginalY(Math.min(y1, y2)), originalHeight),
        (float) clamp(toOriginalX(Math.max(x1, x2)), originalWidth),
        (float) clamp(toOriginalY(Math.max(y1, y2)), originalHeight)};
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
