package dev.groundstream.worker.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Encoded bytes to pixels with ImageIO: the JDK's readers (JPEG, PNG, BMP, GIF) plus WebP (TwelveMonkeys). */
public final class ImageDecoder {
  static {
    // No disk cache: decoding runs on many threads and the bytes are already in memory.
    ImageIO.setUseCache(false);
  }

  private ImageDecoder() {}

  public static BufferedImage decode(byte[] encoded) throws ImageDecodeException {
    if (encoded == null || encoded.length == 0) {
      throw new ImageDecodeException("empty image bytes");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(encoded));
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException("cannot decode image (" + encoded.length + " bytes): " + e.getMessage(), e);
    }
    if (image == null) {
      throw new ImageDecodeException("not a JPEG/PNG/WebP/BMP/GIF image (" + encoded.length + " bytes)");
    }
    return image;
  }
}
