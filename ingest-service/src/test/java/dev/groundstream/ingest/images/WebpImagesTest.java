package dev.groundstream.ingest.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.BombImages;
import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.TestImages;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WebP through the TwelveMonkeys ImageIO reader: the three containers decode with their size, and
 * the safety checks (pixel caps before decoding, corruption) hold as for JPEG and PNG. The images
 * are ours, made with cwebp (src/test/resources/images/README.md).
 */
class WebpImagesTest {

  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void lossyLosslessAndExtendedWebpAreDecodedWithTheirSize(ImageValidation mode) {
    ImageValidator validator = new ImageValidator(1_000_000, 64_000_000, mode);
    for (String name : new String[] {"lossy.webp", "lossless.webp", "alpha.webp"}) {
      ValidatedImage image = validator.validate(TestImages.webp(name));
      assertEquals(MediaType.WEBP, image.type(), name);
      assertEquals(64, image.width(), name);
      assertEquals(48, image.height(), name);
    }
  }

  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void aWebpBombIsRefusedBeforeDecoding(ImageValidation mode) {
    ImageValidator validator = new ImageValidator(1_000_000, 64_000_000, mode);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> validator.validate(BombImages.webp()));
    assertEquals(413, e.status());
    assertEquals("too_many_pixels", e.reason());
    assertTrue(e.getMessage().contains("16383x16383"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void webpHasItsOwnPixelCapBelowTheGeneralOne(ImageValidation mode) {
    ImageValidator validator = new ImageValidator(1_000_000, 64_000_000, mode);
    ImageValidator small = new ImageValidator(1_000_000, 64_000_000, 64 * 48 - 1, mode);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> small.validate(TestImages.webp("lossy.webp")));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("limit for WebP"), e.getMessage());
    assertEquals(64, new ImageValidator(1_000_000, 64_000_000, 64 * 48, mode).validate(TestImages.webp("lossy.webp")).width());
  }

  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void truncatedWebpIsCorrupt(ImageValidation mode) {
    ImageValidator validator = new ImageValidator(1_000_000, 64_000_000, mode);
    byte[] whole = TestImages.webp("lossy.webp");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> validator.validate(Arrays.copyOf(whole, whole.length / 2)));
    assertEquals(400, e.status());
    assertEquals("corrupt_image", e.reason());
  }
}
