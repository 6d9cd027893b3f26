package dev.groundstream.worker.model;

import dev.groundstream.images.DecodeMemory;
import dev.groundstream.images.ImageBudget;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Resizes (letterbox or stretch, bilinear on the model's sampling grid) into the model's input
 * size, pads, normalises and writes a direct {@link FloatBuffer} in the model's layout. Thread-safe.
 */
public final class ImagePreprocessor {
  /** Recycled input buffers kept at most (about the worker's queue): more are left to the GC. */
  private static final int MAX_FREE_BUFFERS = 64;

  private final Preprocessing spec;
  private final Queue<FloatBuffer> free = new ConcurrentLinkedQueue<>();
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
    return preprocess(encoded, ImageBudget.DEFAULT, DecodeMemory.UNBOUNDED);
  }

  public PreprocessedImage preprocess(byte[] encoded, ImageBudget budget) throws ImageDecodeException {
    return preprocess(encoded, budget, DecodeMemory.UNBOUNDED);
  }

  /** Holds {@code memory}'s lease for the decoded raster until the model input is written. */
  public PreprocessedImage preprocess(byte[] encoded, ImageBudget budget, DecodeMemory memory)
      throws ImageDecodeException {
    try (ImageDecoder.Decoded decoded = ImageDecoder.decode(encoded, budget, spec.width(), spec.height(), memory)) {
      return preprocess(decoded);
    }
  }

  public PreprocessedImage preprocess(BufferedImage image) {
    return preprocess(ImageDecoder.Decoded.of(image));
  }

  /**
   * {@code decoded} may be a subsampled decode: the transform (and so every box) stays in the
   * original's pixels, and the resize samples the same places of the picture as from the original.
   */
  public PreprocessedImage preprocess(ImageDecoder.Decoded decoded) {
    BufferedImage image = decoded.image();
    int w = image.getWidth();
    int h = image.getHeight();
    ResizeTransform t = ResizeTransform.of(spec.resize(), decoded.width(), decoded.height(), spec.width(), spec.height());
    float[] content = BilinearResizer.resizeSubsampled(PackedRgb.of(image), w, h, decoded.width(), decoded.height(),
        decoded.step(), decoded.offset(), t.contentWidth(), t.contentHeight(), spec.halfPixelCenters());
    FloatBuffer out = buffer();
    if (spec.layout() == TensorLayout.NHWC) {
      writeNhwc(content, t, out);
    } else {
      writeNchw(content, t, out);
    }
    return new PreprocessedImage(out.rewind(), t);
  }

  /**
   * Gives {@code image}'s buffer back for a later image, once its record is grounded and nothing
   * reads the image any more (the worker does this after each batch). A direct buffer costs a
   * zeroed native allocation and is freed only by a GC, so a steady stream of them is worth
   * avoiding. Recycling the same image twice is harmless.
   */
  public void recycle(PreprocessedImage image) {
    if (image.pixels().capacity() == spec.floatsPerImage() && image.pixels().isDirect()
        && image.returned().compareAndSet(false, true) && free.size() < MAX_FREE_BUFFERS) {
      free.offer(image.pixels());
    }
  }

  private FloatBuffer buffer() {
    FloatBuffer recycled = free.poll();
    if (recycled != null) {
      return recycled.clear(); // every float is overwritten below
    }
    return ByteBuffer.allocateDirect(spec.floatsPerImage() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** Row by row (bulk puts): padding, then the normalised content row, then padding. */
  private void writeNhwc(float[] content, ResizeTransform t, FloatBuffer out) {
    int width = spec.width();
    float[] row = new float[width * 3];
    float[] padRow = new float[width * 3];
    for (int x = 0; x < width; x++) {
      for (int c = 0; c < 3; c++) {
        padRow[x * 3 + c] = pad(c);
      }
    }
    int cw = t.contentWidth();
    for (int y = 0; y < spec.height(); y++) {
      int cy = y - t.padY();
      if (cy < 0 || cy >= t.contentHeight()) {
        out.put(padRow);
        continue;
      }
      System.arraycopy(padRow, 0, row, 0, row.length);
      int src = cy * cw * 3;
      int dst = t.padX() * 3;
      for (int i = 0; i < cw * 3; i += 3) {
        row[dst + i] = content[src + i] * multiplier[0] + offset[0];
        row[dst + i + 1] = content[src + i + 1] * multiplier[1] + offset[1];
        row[dst + i + 2] = content[src + i + 2] * multiplier[2] + offset[2];
      }
      out.put(row);
    }
  }

  /** Plane by plane, row by row (bulk puts). */
  private void writeNchw(float[] content, ResizeTransform t, FloatBuffer out) {
    int width = spec.width();
    float[] row = new float[width];
    int cw = t.contentWidth();
    for (int c = 0; c < 3; c++) {
      float padded = pad(c);
      for (int y = 0; y < spec.height(); y++) {
        java.util.Arrays.fill(row, padded);
        int cy = y - t.padY();
        if (cy >= 0 && cy < t.contentHeight()) {
          int src = cy * cw * 3 + c;
          for (int x = 0; x < cw; x++) {
            row[t.padX() + x] = content[src + x * 3] * multiplier[c] + offset[c];
          }
        }
        out.put(row);
      }
    }
  }

  private float pad(int c) {
    return spec.padValue() * multiplier[c] + offset[c];
  }
}
