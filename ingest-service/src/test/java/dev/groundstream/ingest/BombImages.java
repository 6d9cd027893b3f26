package dev.groundstream.ingest;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Tiny files whose headers declare huge images (decompression bombs). */
public final class BombImages {
  private BombImages() {}

  /** A valid PNG structure (CRCs right) declaring width x height RGB pixels, with a few bytes of data. */
  public static byte[] png(int width, int height) {
    return png(width, height, 8);
  }

  /** As {@link #png(int, int)} with {@code bitDepth} bits per RGB channel (8 or 16). */
  public static byte[] png(int width, int height, int bitDepth) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(ihdr);
      d.writeInt(width);
      d.writeInt(height);
      d.write(new byte[] {(byte) bitDepth, 2, 0, 0, 0});
      chunk(out, "IHDR", ihdr.toByteArray());
      Deflater deflater = new Deflater();
      deflater.setInput(new byte[1024]);
      deflater.finish();
      byte[] buf = new byte[1024];
      int n = deflater.deflate(buf);
      chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeInt(data.length);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    d.write(typeBytes);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    d.writeInt((int) crc.getValue());
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
