package dev.groundstream.worker.model;

import dev.groundstream.images.ImageBudget;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Resizes (letterbox or stretch, bilinear on the model's sampling grid) into the model's input
 * size, pads, normalises and writes a direct {@link FloatBuffer} in the model's layout. Thread-safe.
 */
public final class ImagePreprocessor {
  private final Preprocessing spec;
  private final float[] multiplier = new float[3];
  private final float[] offset = new float[3];

  public ImagePreprocessor(Preprocessing spec) {
    this.spec = spec;
    for (int c = 0; c < 3; c++) {
      // (pixel * scale - mean) / std == pixel * multiplier + offset
      multiplier[c] = spec.scale() / spec.std()[c];
      offset[c] = -spec.mean()[c] / spec.std()[c];
    }
  }

  public Preprocessing spec() {
    return spec;
  }

  /** Decodes within the default {@link ImageBudget}, subsampled to about the model's input scale. */
  public PreprocessedImage preprocess(byte[] encoded) throws ImageDecodeException {
    return preprocess(encoded, ImageBudget.DEFAULT);
  }

  public PreprocessedImage preprocess(byte[] encoded, ImageBudget budget) throws ImageDecodeException {
    return preprocess(ImageDecoder.decode(encoded, budget, spec.width(), spec.height()));
  }

  /** A (possibly subsampled) decode: boxes map back to the size its header declared. */
  public PreprocessedImage preprocess(ImageDecoder.Decoded decoded) {
    return preprocess(decoded.image(), decoded.width(), decoded.height());
  }

  public PreprocessedImage preprocess(BufferedImage image) {
    return preprocess(image, image.getWidth(), image.getHeight());
  }

  /**
   * {@code image} may be a subsampled decode of a {@code width} x {@code height} original: the
   * transform (and so every box) stays in the original's pixels, the resize reads the smaller raster.
   */
  private PreprocessedImage preprocess(BufferedImage image, int width, int height) {
    int w = image.getWidth();
    int h = image.getHeight();
    ResizeTransform t = ResizeTransform.of(spec.resize(), width, height, spec.width(), spec.height());
    // getRGB converts any colour model (grey, palette, 16-bit, alpha dropped) to 8-bit sRGB
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] content = BilinearResizer.resize(rgb, w, h, t.contentWidth(), t.contentHeight(), spec.halfPixelCenters());
    FloatBuffer out = ByteBuffer.allocateDirect(spec.floatsPerImage() * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
    if (spec.layout() == TensorLayout.NHWC) {
      for (int y = 0; y < spec.height(); y++) {
        for (int x = 0; x < spec.width(); x++) {
          for (int c = 0; c < 3; c++) {
            out.put(value(content, t, x, y, c));
          }
        }
      }
    } else {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < spec.height(); y++) {
          for (int x = 0; x < spec.width(); x++) {
            out.put(value(content, t, x, y, c));
          }
        }
      }
    }
    return new PreprocessedImage(out.rewind(), t);
  }

  /** Normalised channel {@code c} at model-input pixel (x, y): the resized image or the padding. */
  private float value(float[] content, ResizeTransform t, int x, int y, int c) {
    int cx = x - t.padX();
    int cy = y - t.padY();
    boolean inside = cx >= 0 && cy >= 0 && cx < t.contentWidth() && cy < t.contentHeight();
    float raw = inside ? content[(cy * t.contentWidth() + cx) * 3 + c] : spec.padValue();
    return raw * multiplier[c] + offset[c];
  }
}
