package dev.groundstream.ingest.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.BombImages;
import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.TestImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * WebP through the TwelveMonkeys ImageIO reader: the three containers decode with their size, and
 * the safety checks (pixel caps before decoding, corruption) hold as for JPEG and PNG. The images
 * are ours, made with cwebp (src/test/resources/images/README.md).
 */
class WebpImagesTest {
  private final ImageValidator validator = new ImageValidator(1_000_000, 64_000_000);

  @Test
  void lossyLosslessAndExtendedWebpAreDecodedWithTheirSize() {
    for (String name : new String[] {"lossy.webp", "lossless.webp", "alpha.webp"}) {
      ValidatedImage image = validator.validate(TestImages.webp(name));
      assertEquals(MediaType.WEBP, image.type(), name);
      assertEquals(64, image.width(), name);
      assertEquals(48, image.height(), name);
    }
  }

  @Test
  void aWebpBombIsRefusedBeforeDecoding() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> validator.validate(BombImages.webp()));
    assertEquals(413, e.status());
    assertEquals("too_many_pixels", e.reason());
    assertTrue(e.getMessage().contains("16383x16383"), e.getMessage());
  }

  @Test
  void webpHasItsOwnPixelCapBelowTheGeneralOne() {
    ImageValidator small = new ImageValidator(1_000_000, 64_000_000, 64 * 48 - 1);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> small.validate(TestImages.webp("lossy.webp")));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("limit for WebP"), e.getMessage());
    assertEquals(64, new ImageValidator(1_000_000, 64_000_000, 64 * 48).validate(TestImages.webp("lossy.webp")).width());
  }

  @Test
  void truncatedWebpIsCorrupt() {
    byte[] whole = TestImages.webp("lossy.webp");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> validator.validate(Arrays.copyOf(whole, whole.length / 2)));
    assertEquals(400, e.status());
    assertEquals("corrupt_image", e.reason());
  }
}
