package dev.groundstream.launcher.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
  @Test
  void imageIoDecodesExactlyTheEncodedPixels() throws Exception {
    BufferedImage image = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(4);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    byte[] png = PngEncoder.encode(image);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(image.getWidth(), decoded.getWidth());
    assertEquals(image.getHeight(), decoded.getHeight());
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        assertEquals(image.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
      }
    }
    assertArrayEquals(png, PngEncoder.encode(image), "same pixels, same bytes");
  }
}
