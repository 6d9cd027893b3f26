package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

  @Test
  void decodesWebpRequestsThatIngestAccepts() throws Exception {
    byte[] webp;
    try (InputStream in = getClass().getResourceAsStream("/images/lossy.webp")) {
      webp = in.readAllBytes();
    }
    BufferedImage image = ImageDecoder.decode(webp);
    assertEquals(64, image.getWidth());
    assertEquals(48, image.getHeight());
    // The gradient's red channel grows with x (red = 4x): lossy, so compare loosely.
    int left = (image.getRGB(2, 10) >> 16) & 0xFF;
    int right = (image.getRGB(60, 10) >> 16) & 0xFF;
    assertTrue(right > left + 150, "red left " + left + ", right " + right);
  }

  @Test
  void truncatedWebpIsADecodeErrorNotACrash() throws Exception {
    byte[] webp;
    try (InputStream in = getClass().getResourceAsStream("/images/lossy.webp")) {
      webp = in.readAllBytes();
    }
    byte[] truncated = Arrays.copyOf(webp, 40);
    assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(truncated));
  }
}
