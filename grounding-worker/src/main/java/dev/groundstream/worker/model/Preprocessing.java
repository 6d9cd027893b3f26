package dev.groundstream.worker.model;

/**
 * How an image becomes the model's input tensor: resize to {@code width x height} ({@link ResizeMode}),
 * pad letterbox borders with the raw value {@code padValue} (0..255), then per channel (RGB)
 * {@code value = (pixel * scale - mean[c]) / std[c]} with {@code pixel} in 0..255. The bilinear
 * sampling grid is half-pixel centred unless {@code halfPixelCenters} is false (TF legacy), see
 * {@link BilinearResizer}.
 */
public record Preprocessing(int width, int height, TensorLayout layout, ResizeMode resize,
    float scale, float[] mean, float[] std, int padValue, boolean halfPixelCenters) {

  /** With half-pixel centres (PyTorch / TF2 resize), the common case. */
  public Preprocessing(int width, int height, TensorLayout layout, ResizeMode resize,
      float scale, float[] mean, float[] std, int padValue) {
    this(width, height, layout, resize, scale, mean, std, padValue, true);
  }

  public Preprocessing {
    if (width <= 0 || height <= 0) {
      throw new ModelCardException("preprocessing.width/height must be positive, got " + width + "x" + height);
    }
    if (mean.length != 3 || std.length != 3) {
      throw new ModelCardException("preprocessing.mean and preprocessing.std need 3 values (RGB)");
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new ModelCardException("preprocessing.std values must be positive");
      }
    }
    if (padValue < 0 || padValue > 255) {
      throw new ModelCardException("preprocessing.padValue must be within 0..255");
    }
  }

  /** Floats in one preprocessed image. */
  public int floatsPerImage() {
    return 3 * width * height;
  }
}
