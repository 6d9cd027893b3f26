package dev.groundstream.launcher.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder (8-bit RGB, filter "None", fast deflate) for TYPE_INT_RGB images. Why not
 * ImageIO: its writer tries every row filter and spends ~50 ms on a 640x480 scene, which caps the
 * generator at ~20 scenes/s; flat-coloured scenes compress well without filtering. Output depends
 * only on the pixels (no timestamps or text chunks), which keeps scenes byte-identical.
 */
final class PngEncoder {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private PngEncoder() {}

  static byte[] encode(BufferedImage image) {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("Only TYPE_INT_RGB images are encoded");
    }
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream(8 * 1024);
      png.write(SIGNATURE);
      writeChunk(png, "IHDR", header(image.getWidth(), image.getHeight()));
      writeChunk(png, "IDAT", compressedRows(image));
      writeChunk(png, "IEND", new byte[0]);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
  }

  private static byte[] header(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(13);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(width);
    out.writeInt(height);
    out.writeByte(8); // bit depth
    out.writeByte(2); // colour type: truecolour RGB
    out.writeByte(0); // compression: deflate
    out.writeByte(0); // filter method 0
    out.writeByte(0); // no interlace
    return bytes.toByteArray();
  }

  private static byte[] compressedRows(BufferedImage image) throws IOException {
    int width = image.getWidth();
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(8 * 1024);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
      byte[] row = new byte[1 + 3 * width]; // leading 0 = filter type None
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0, i = 1; x < width; x++) {
          int rgb = pixels[y * width + x];
          row[i++] = (byte) (rgb >>> 16);
          row[i++] = (byte) (rgb >>> 8);
          row[i++] = (byte) rgb;
        }
        out.write(row);
      }
    } finally {
      deflater.end();
    }
    return compressed.toByteArray();
  }

  private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
    DataOutputStream out = new DataOutputStream(png);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(typeBytes);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
