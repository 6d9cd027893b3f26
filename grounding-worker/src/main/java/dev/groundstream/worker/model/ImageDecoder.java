package dev.groundstream.worker.model;

import dev.groundstream.images.DecodeMemory;
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
 * 40 MP photo for a 640x640 model allocates a raster of ~1 MP instead of 40. The raster's bytes
 * are leased from the worker's {@link DecodeMemory} before decoding and held by the {@link Decoded}
 * until it is closed, so concurrent big decodes queue instead of exhausting the heap.
 */
public final class ImageDecoder {
  static {
    // No disk cache: decoding runs on many threads and the bytes are already in memory.
    ImageIO.setUseCache(false);
  }

  /**
   * The decoded image and the full-resolution size its header declares. When subsampled, pixel
   * (i, j) of {@code image} is original pixel (offset + i * step, offset + j * step). Closing it
   * returns its decode memory.
   */
  public record Decoded(BufferedImage image, int width, int height, int step, int offset, DecodeMemory.Lease lease)
      implements AutoCloseable {
    /** A full-resolution image that holds no lease. */
    public static Decoded of(BufferedImage image) {
      return new Decoded(image, image.getWidth(), image.getHeight(), 1, 0, null);
    }

    @Override
    public void close() {
      if (lease != null) {
        lease.close();
      }
    }
  }

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
    return decode(encoded, budget, targetWidth, targetHeight, DecodeMemory.UNBOUNDED);
  }

  /**
   * As above, first leasing the raster's bytes from {@code memory} (waiting while other decodes
   * hold it); an image that needs more than the whole of {@code memory} is refused
   * ({@link ImageTooLargeException}, reason {@code decode_memory}). The caller closes the result.
   */
  public static Decoded decode(byte[] encoded, ImageBudget budget, int targetWidth, int targetHeight,
      DecodeMemory memory) throws ImageDecodeException {
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
        // At least the whole input size (not just a letterboxed picture's part of it): stepping right
        // down to the content size would leave a resize without downscaling, blurring edges a
        // full-resolution resize keeps sharp.
        int step = subsampling(header.width(), header.height(), targetWidth, targetHeight);
        int offset = (step - 1) / 2; // each kept pixel sits at the centre of its step x step block
        if (step > 1) {
          param.setSourceSubsampling(step, step, offset, offset);
        }
        boolean canSubsample = !header.format().equals("webp"); // its decoder holds the whole frame
        DecodeMemory.Lease lease = lease(memory, header, canSubsample ? step : 1);
        try {
          BufferedImage image = reader.read(0, param);
          return image.getWidth() == header.width() && image.getHeight() == header.height()
              ? new Decoded(image, header.width(), header.height(), 1, 0, lease)
              : new Decoded(image, header.width(), header.height(), step, offset, lease);
        } catch (IOException | RuntimeException | Error e) {
          lease.close();
          throw e;
        }
      } finally {
        reader.dispose();
      }
    } catch (ImageDecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException("cannot decode image (" + encoded.length + " bytes): " + e.getMessage(), e);
    }
  }

  private static DecodeMemory.Lease lease(DecodeMemory memory, ImageBudget.Header header, int step)
      throws ImageDecodeException {
    long bytes = decodedBytes(header, step);
    try {
      return memory.acquire(bytes);
    } catch (ImageBudget.Exceeded e) {
      throw new ImageTooLargeException(e.reason(), e.getMessage() + " (" + header + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageDecodeException("interrupted while waiting for decode memory");
    }
  }

  /**
   * Bytes a decode at {@code step} holds: the raster (header's bits per pixel) plus the packed
   * 4-byte RGB copy the preprocessor reads it into.
   */
  public static long decodedBytes(ImageBudget.Header header, int step) {
    long w = (header.width() + step - 1) / step;
    long h = (header.height() + step - 1) / step;
    return w * h * ((header.bitsPerPixel() + 7) / 8 + Integer.BYTES);
  }

  /** The largest step s with width / s >= targetWidth and height / s >= targetHeight, at least 1. */
  static int subsampling(int width, int height, int targetWidth, int targetHeight) {
    if (targetWidth <= 0 || targetHeight <= 0) {
      return 1;
    }
    return Math.max(1, Math.min(width / targetWidth, height / targetHeight));
  }
}
