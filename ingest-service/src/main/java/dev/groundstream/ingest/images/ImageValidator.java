package dev.groundstream.ingest.images;

import dev.groundstream.images.ImageBudget;
import dev.groundstream.ingest.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Proves an upload is a whole image of an accepted format and learns its size, as {@link
 * ImageValidation} says: by a structural walk ({@link JpegStructure}, {@link PngStructure},
 * {@link WebpStructure}; no pixel decoded, the default) or by decoding it once ({@code full}).
 *
 * <p>Both judge the header by the shared {@link ImageBudget} before touching pixel data. For the
 * full decode, order matters for safety: the byte cap is checked by the caller before we get the bytes,
 * then the header alone is judged by the shared {@link ImageBudget} (pixels, the full-resolution
 * raster's bytes from bit depth x channels x pixels, the WebP cap) and anything over it is
 * refused (413) <em>before</em> the pixel data is touched, so a decompression bomb (a few KB
 * declaring 100k x 100k) never allocates its raster. The full decode then runs with source
 * subsampling: every byte of the stream is still entropy-decoded (truncation and corruption
 * are caught) but the raster kept in memory stays around {@link #DECODE_BUDGET_PIXELS}.
 *
 * <p>WebP (TwelveMonkeys' pure-Java reader) reads its size from the header like the others, so the
 * bomb check holds, but its decoder works on the whole frame whatever the subsampling (measured
 * with 3.13.1: up to ~25 bytes of heap per pixel for lossy WebP). So WebP has its own, lower
 * pixel cap ({@code webpMaxPixels}), checked before decoding too.
 */
public final class ImageValidator {
  /** Pixels of the raster the validating decode may allocate. */
  static final long DECODE_BUDGET_PIXELS = 4L * 1024 * 1024;

  private final long maxBytes;
  private final ImageBudget budget;
  private final ImageValidation mode;

  public ImageValidator(long maxBytes, ImageBudget budget, ImageValidation mode) {
    this.maxBytes = maxBytes;
    this.budget = budget;
    this.mode = mode;
  }

  public ImageValidator(long maxBytes, long maxPixels, long webpMaxPixels, ImageValidation mode) {
    this(maxBytes, new ImageBudget(maxPixels, ImageBudget.DEFAULT_MAX_DECODED_BYTES, webpMaxPixels), mode);
  }

  /** WebP capped at the same budget as the other formats' validating raster; the default byte budget. */
  public ImageValidator(long maxBytes, long maxPixels, ImageValidation mode) {
    this(maxBytes, new ImageBudget(maxPixels, ImageBudget.DEFAULT_MAX_DECODED_BYTES, Math.min(maxPixels, DECODE_BUDGET_PIXELS)),
        mode);
  }

  public ImageValidation mode() {
    return mode;
  }

  public ValidatedImage validate(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw InvalidInputException.badRequest("empty_image", "The image is empty");
    }
    if (bytes.length > maxBytes) {
      throw new InvalidInputException(413, "image_too_large",
          "The image has " + bytes.length + " bytes; the limit is " + maxBytes);
    }
    MediaType type = MediaType.sniff(bytes).orElseThrow(() ->
        InvalidInputException.badRequest("not_an_image", "The bytes are not a JPEG, PNG or WebP image"));
    if (!type.groundable()) {
      throw new InvalidInputException(415, "unsupported_media_type",
          type.mimeType() + " is not supported; send JPEG, PNG or WebP");
    }
    if (mode == ImageValidation.STRUCTURE) {
      return checkStructure(bytes, type);
    }
    // Memory-cached stream: ImageIO's default may cache the stream in a temporary file.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(type, in);
      try {
        reader.setInput(in, true, true);
        ImageBudget.Header header = withinBudget(ImageBudget.header(reader));
        int width = header.width();
        int height = header.height();
        decodeFully(reader, width, height, type);
        return new ValidatedImage(bytes, type, width, height, Sha256.hex(bytes));
      } finally {
        reader.dispose();
      }
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // ImageIO signals corrupt data with IIOException, EOFException and, for some malformed
      // headers, IllegalArgumentException/IndexOutOfBounds: all are bad input, not our failure.
      throw InvalidInputException.badRequest("corrupt_image",
          "The " + type.mimeType() + " image cannot be decoded: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      throw new InvalidInputException(413, "image_too_large", "The image is too large to decode");
    }
  }

  private ValidatedImage checkStructure(byte[] bytes, MediaType type) {
    try {
      ImageBudget.Header header;
      if (type == MediaType.PNG) {
        PngStructure png = PngStructure.read(bytes);
        header = withinBudget(png.header());
        png.checkPixelData(); // inflating is the one costly step: only for what the budget allows
      } else {
        header = withinBudget(type == MediaType.JPEG ? JpegStructure.read(bytes) : WebpStructure.read(bytes));
      }
      return new ValidatedImage(bytes, type, header.width(), header.height(), Sha256.hex(bytes));
    } catch (MalformedImageException e) {
      throw InvalidInputException.badRequest("corrupt_image", "The " + type.mimeType() + " image is corrupt: "
          + e.getMessage());
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      // A walk reading past a field the checks missed: still bad input, never a 500.
      throw InvalidInputException.badRequest("corrupt_image", "The " + type.mimeType() + " image is corrupt: " + e);
    }
  }

  private ImageBudget.Header withinBudget(ImageBudget.Header header) {
    try {
      budget.check(header);
      return header;
    } catch (ImageBudget.Exceeded e) {
      throw new InvalidInputException(e.reason().equals("corrupt_image") ? 400 : 413, e.reason(), e.getMessage());
    }
  }

  private static ImageReader readerFor(MediaType type, ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mimeType());
    if (!readers.hasNext()) {
      throw new InvalidInputException(415, "unsupported_media_type",
          type.mimeType() + " cannot be decoded by this service (no ImageIO reader installed)");
    }
    return readers.next();
  }

  private static void decodeFully(ImageReader reader, int width, int height, MediaType type) throws IOException {
    AtomicReference<String> warning = new AtomicReference<>();
    // The JPEG reader reports a truncated stream as a warning and fills the rest with grey.
    reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsampling(width, height);
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    if (reader.canReadRaster()) {
      // The raw raster skips colour conversion: the same validation (every byte decoded), less CPU.
      reader.readRaster(0, param);
    } else {
      reader.read(0, param);
    }
    if (warning.get() != null) {
      throw InvalidInputException.badRequest("corrupt_image",
          "The " + type.mimeType() + " image is truncated or corrupt: " + warning.get());
    }
  }

  static int subsampling(int width, int height) {
    double ratio = (double) width * height / DECODE_BUDGET_PIXELS;
    return ratio <= 1 ? 1 : (int) Math.ceil(Math.sqrt(ratio));
  }
}
