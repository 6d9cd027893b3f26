package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.images.ImageBudget;
import dev.groundstream.testing.PixelBombs;
import dev.groundstream.worker.TestFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The worker judges a header by the shared budget before decoding and decodes big images subsampled. */
public class ImageBudgetDecodeTest {
  @Test
  void pixelBombsAreRefusedFromTheHeaderWithIngestsReasons() throws Exception {
    ImageTooLargeException pixels = assertThrows(ImageTooLargeException.class,
        () -> ImageDecoder.decode(PixelBombs.png(8000, 8000, 16), ImageBudget.DEFAULT, 640, 640));
    assertEquals("too_many_pixels", pixels.reason());
    ImageTooLargeException bytes = assertThrows(ImageTooLargeException.class,
        () -> ImageDecoder.decode(PixelBombs.png(6000, 6000, 16), ImageBudget.DEFAULT, 640, 640));
    assertEquals("decoded_too_large", bytes.reason());
    assertTrue(bytes.getMessage().contains("48 bits per pixel"), bytes.getMessage());
    // The plain decode path used by the preprocessor is guarded too.
    assertThrows(ImageTooLargeException.class, () -> ImageDecoder.decode(PixelBombs.png(8000, 8000, 16)));
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
