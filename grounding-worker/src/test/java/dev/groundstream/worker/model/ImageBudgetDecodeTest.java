package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.images.ImageBudget;
import dev.groundstream.worker.TestFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The worker judges a header by the shared budget before decoding and decodes big images subsampled. */
public class ImageBudgetDecodeTest {
  /** A valid PNG (CRCs right) whose header declares width x height RGB at {@code bitDepth}, with a few bytes of data. */
  public static byte[] headerBomb(int width, int height, int bitDepth) throws IOException {
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

  @Test
  void pixelBombsAreRefusedFromTheHeaderWithIngestsReasons() throws Exception {
    ImageTooLargeException pixels = assertThrows(ImageTooLargeException.class,
        () -> ImageDecoder.decode(headerBomb(8000, 8000, 16), ImageBudget.DEFAULT, 640, 640));
    assertEquals("too_many_pixels", pixels.reason());
    ImageTooLargeException bytes = assertThrows(ImageTooLargeException.class,
        () -> ImageDecoder.decode(headerBomb(6000, 6000, 16), ImageBudget.DEFAULT, 640, 640));
    assertEquals("decoded_too_large", bytes.reason());
    assertTrue(bytes.getMessage().contains("48 bits per pixel"), bytes.getMessage());
    // The plain decode path used by the preprocessor is guarded too.
    assertThrows(ImageTooLargeException.class, () -> ImageDecoder.decode(headerBomb(8000, 8000, 16)));
  }

  @Test
  void largeImagesAreDecodedSubsampledButKeepTheirOriginalGeometry() throws Exception {
    BufferedImage big = TestFixtures.withSquare(TestFixtures.uniform(2000, 1000, Color.BLACK), Color.WHITE, 1000, 500, 400);
    byte[] png = TestFixtures.png(big);
    ImageDecoder.Decoded decoded = ImageDecoder.decode(png, ImageBudget.DEFAULT, 200, 200);
    assertEquals(2000, decoded.width());
    assertEquals(1000, decoded.height());
    assertEquals(400, decoded.image().getWidth(), "step 5: the largest that keeps >= 200 rows");
    assertEquals(200, decoded.image().getHeight());
    assertEquals(Color.WHITE.getRGB(), decoded.image().getRGB(1100 / 5, 600 / 5));
    assertEquals(1, ImageDecoder.subsampling(300, 300, 640, 640));
    assertEquals(1, ImageDecoder.subsampling(8000, 8000, 0, 0));
  }
}
