package dev.groundstream.images;

import java.awt.image.SampleModel;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * How large an image any stage may decode, judged from its header alone, before a pixel is
 * decoded: width x height against {@code maxPixels}, the full-resolution raster's bytes (width x
 * height x bits per pixel over all channels, e.g. 6 bytes for 16-bit RGB) against
 * {@code maxDecodedBytes}, and WebP against its own lower pixel cap (its decoder cannot subsample,
 * so it always holds the whole frame). Shared by ingest (refuses with 413) and the worker
 * (dead-letters what ingest would have refused, e.g. a record written by another producer).
 */
public record ImageBudget(long maxPixels, long maxDecodedBytes, long webpMaxPixels) {
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
  public static final long DEFAULT_MAX_DECODED_BYTES = 160_000_000L;
  public static final long DEFAULT_WEBP_MAX_PIXELS = 4L * 1024 * 1024;
  public static final ImageBudget DEFAULT =
      new ImageBudget(DEFAULT_MAX_PIXELS, DEFAULT_MAX_DECODED_BYTES, DEFAULT_WEBP_MAX_PIXELS);

  /** What an image's header declares. */
  public record Header(String format, int width, int height, int bitsPerPixel) {
    public long pixels() {
      return (long) width * height;
    }

    /** Bytes of the raster a full-resolution decode allocates. */
    public long decodedBytes() {
      return pixels() * ((bitsPerPixel + 7) / 8);
    }

    @Override
    public String toString() {
      return format + " " + width + "x" + height + " at " + bitsPerPixel + " bits per pixel";
    }
  }

  /** The image is over the budget: {@code reason} is the API's error code. */
  public static final class Exceeded extends Exception {
    private final String reason;

    Exceeded(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /** Reads the header of the reader's first image (its input set); decodes no pixel data. */
  public static Header header(ImageReader reader) throws IOException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    ImageTypeSpecifier type = reader.getRawImageType(0);
    if (type == null) {
      Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
      type = types.hasNext() ? types.next() : null;
    }
    int bits = 32; // unknown layout: assume 8-bit RGBA
    if (type != null) {
      SampleModel model = type.getSampleModel(1, 1);
      bits = 0;
      for (int size : model.getSampleSize()) {
        bits += size;
      }
    }
    return new Header(reader.getFormatName().toLowerCase(java.util.Locale.ROOT), width, height, bits);
  }

  /** Throws when the header declares more than this budget allows. */
  public void check(Header header) throws Exceeded {
    if (header.width() <= 0 || header.height() <= 0) {
      throw new Exceeded("corrupt_image", "The image declares " + header.width() + "x" + header.height() + " pixels");
    }
    if (header.pixels() > maxPixels) {
      throw new Exceeded("too_many_pixels", "The image declares " + header.width() + "x" + header.height() + " = "
          + header.pixels() + " pixels; the limit is " + maxPixels + " (decompression bombs are refused before decoding)");
    }
    if (header.decodedBytes() > maxDecodedBytes) {
      throw new Exceeded("decoded_too_large", "The image (" + header + ") decodes to " + header.decodedBytes()
          + " bytes of raster; the limit is " + maxDecodedBytes);
    }
    if (header.format().equals("webp") && header.pixels() > webpMaxPixels) {
      throw new Exceeded("too_many_pixels", "The WebP image declares " + header.width() + "x" + header.height()
          + " = " + header.pixels() + " pixels; the limit for WebP is " + webpMaxPixels + " (send larger images as JPEG or PNG)");
    }
  }
}
