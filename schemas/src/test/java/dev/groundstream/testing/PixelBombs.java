package dev.groundstream.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Tiny PNG files whose headers declare huge images (decompression bombs), for the image budget's
 * tests in ingest and the worker alike.
 */
public final class PixelBombs {
  private PixelBombs() {}

  /** A valid PNG structure (CRCs right) declaring width x height RGB pixels, with a few bytes of data. */
  public static byte[] png(int width, int height) {
    return png(width, height, 8);
  }

  /** As {@link #png(int, int)} with {@code bitDepth} bits per RGB channel (8 or 16). */
  public static byte[] png(int width, int height, int bitDepth) {
    return rgbPng(width, height, bitDepth, new byte[1024]);
  }

  /**
   * An RGB PNG with right CRCs declaring width x height pixels whose IDAT is {@code scanlines}
   * (filter byte + samples per row, or anything else) deflated as a whole zlib stream.
   */
  public static byte[] rgbPng(int width, int height, int bitDepth, byte[] scanlines) {
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
      deflater.setInput(scanlines);
      deflater.finish();
      ByteArrayOutputStream z = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      while (!deflater.finished()) {
        z.write(buf, 0, deflater.deflate(buf));
      }
      deflater.end();
      chunk(out, "IDAT", z.toByteArray());
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
}
