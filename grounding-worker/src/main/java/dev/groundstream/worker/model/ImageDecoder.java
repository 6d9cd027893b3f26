package dev.groundstream.worker.model;

import dev.groundstream.images.ImageBudget;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Encoded bytes to pixels with ImageIO: the JDK's readers (JPEG, PNG, BMP, GIF) plus WebP
 * (TwelveMonkeys). The header is read first and judged by the shared {@link ImageBudget} (the
 * same checks ingest makes), so a pixel bomb is refused before its raster exists; what passes is
 * decoded with source subsampling down to about the model's input scale, never below it, so a
 * 40 MP photo for a 640x640 model allocates a raster of ~1 MP instead of 40.
 */
public final class ImageDecoder {
  static {
    // No disk cache: decoding runs on many threads and the bytes are already in memory.
    ImageIO.setUseCache(false);
  }

  /** The decoded (possibly subsampled) image and the full-resolution size its header declares. */
  public record Decoded(BufferedImage image, int width, int height) {}

  private ImageDecoder() {}

  /** Full resolution, within the default budget. */
  public static BufferedImage decode(byte[] encoded) throws ImageDecodeException {
    return decode(encoded, ImageBudget.DEFAULT, 0, 0).image();
  }

  /**
   * Decodes within {@code budget}, subsampled by the largest whole step that keeps the image at
   * least {@code targetWidth} x {@code targetHeight} (0 = full resolution).
   */
  public static Decoded decode(byte[] encoded, ImageBudget budget, int targetWidth, int targetHeight)
      throws ImageDecodeException {
    if (encoded == null || encoded.length == 0) {
      throw new ImageDecodeException("empty image bytes");
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageDecodeException("not a JPEG/PNG/WebP/BMP/GIF image (" + encoded.length + " bytes)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        ImageBudget.Header header = ImageBudget.header(reader);
        try {
          budget.check(header);
        } catch (ImageBudget.Exceeded e) {
          throw new ImageTooLargeException(e.reason(), e.getMessage());
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(header.width(), header.height(), targetWidth, targetHeight);
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return new Decoded(reader.read(0, param), header.width(), header.height());
      } finally {
        reader.dispose();
      }
    } catch (ImageDecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException("cannot decode image (" + encoded.length + " bytes): " + e.getMessage(), e);
    }
  }

  /** The largest step s with width / s >= targetWidth and height / s >= targetHeight, at least 1. */
  static int subsampling(int width, int height, int targetWidth, int targetHeight) {
    if (targetWidth <= 0 || targetHeight <= 0) {
      return 1;
    }
    return Math.max(1, Math.min(width / targetWidth, height / targetHeight));
  }
}
