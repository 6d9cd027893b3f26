package dev.groundstream.ingest;

import dev.groundstream.testing.PixelBombs;

/** Tiny files whose headers declare huge images (decompression bombs): PNGs from {@link PixelBombs}, JPEG and WebP here. */
public final class BombImages {
  private BombImages() {}

  /** A PNG declaring width x height RGB pixels (the shared {@link PixelBombs} fixture). */
  public static byte[] png(int width, int height) {
    return PixelBombs.png(width, height);
  }

  /** As {@link #png(int, int)} with {@code bitDepth} bits per RGB channel (8 or 16). */
  public static byte[] png(int width, int height, int bitDepth) {
    return PixelBombs.png(width, height, bitDepth);
  }

  /** A small real JPEG whose SOF0 header is patched to declare width x height. */
  public static byte[] jpeg(int width, int height) {
    byte[] jpeg = TestImages.jpeg(16, 16);
    for (int i = 0; i + 8 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
        jpeg[i + 5] = (byte) (height >> 8);
        jpeg[i + 6] = (byte) height;
        jpeg[i + 7] = (byte) (width >> 8);
        jpeg[i + 8] = (byte) width;
        return jpeg;
      }
    }
    throw new IllegalStateException("No SOF0 marker in the test JPEG");
  }

  /** Our lossy 64x48 WebP with its VP8 frame header patched to declare 16383 x 16383 (268 MP). */
  public static byte[] webp() {
    byte[] b = TestImages.webp("lossy.webp");
    // Simple-format VP8: 14-bit width and height, little-endian, at bytes 26..29 (after the start code).
    b[26] = (byte) 0xff;
    b[27] = 0x3f;
    b[28] = (byte) 0xff;
    b[29] = 0x3f;
    return b;
  }
}
