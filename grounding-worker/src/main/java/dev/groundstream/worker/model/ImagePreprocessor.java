package dev.groundstream.worker.model;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Resizes (letterbox or stretch, bilinear) into a canvas of the model's input size and writes the
 * normalised RGB values into a direct {@link FloatBuffer} in the model's layout. Thread-safe.
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

  public PreprocessedImage preprocess(byte[] encoded) throws ImageDecodeException {
    return preprocess(ImageDecoder.decode(encoded));
  }

  public PreprocessedImage preprocess(BufferedImage image) {
    ResizeTransform t = ResizeTransform.of(spec.resize(), image.getWidth(), image.getHeight(), spec.width(), spec.height());
    BufferedImage canvas = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(new Color(spec.padValue(), spec.padValue(), spec.padValue()));
      g.fillRect(0, 0, spec.width(), spec.height());
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, t.padX(), t.padY(), t.contentWidth(), t.contentHeight(), null);
    } finally {
      g.dispose();
    }
    byte[] bgr = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
    FloatBuffer out = ByteBuffer.allocateDirect(spec.floatsPerImage() * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
    writeFloats(bgr, out);
    return new PreprocessedImage(out.rewind(), t);
  }

  private void writeFloats(byte[] bgr, FloatBuffer out) {
    int pixels = spec.width() * spec.height();
    if (spec.layout() == TensorLayout.NHWC) {
      for (int p = 0; p < pixels; p++) {
        for (int c = 0; c < 3; c++) {
          out.put(value(bgr, p, c));
        }
      }
    } else {
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < pixels; p++) {
          out.put(value(bgr, p, c));
        }
      }
    }
  }

  /** RGB channel {@code c} of pixel {@code p}; the canvas stores B, G, R. */
  private float value(byte[] bgr, int p, int c) {
    int raw = bgr[p * 3 + (2 - c)] & 0xff;
    return raw * multiplier[c] + offset[c];
  }
}
