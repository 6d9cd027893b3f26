package dev.groundstream.ingest.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.groundstream.ingest.BombImages;
import dev.groundstream.ingest.CorruptEntropyImages;
import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.TestImages;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The corrupt-image corpus in both validation modes: every truncation of every sample is refused
 * with 400 corrupt_image, pixel bombs with 413 before any data is read, random mutations never
 * escape as anything but a 4xx; and the images whose structure is whole but whose compressed
 * pixel data is corrupt show the one difference between the modes.
 */
class CorruptImageCorpusTest {
  private static Map<String, byte[]> samples() {
    Map<String, byte[]> samples = new LinkedHashMap<>();
    samples.put("jpeg", TestImages.jpeg(48, 32));
    samples.put("noisy jpeg", TestImages.noisyJpeg(32, 32, 5, 0.8f));
    samples.put("progressive jpeg", TestImages.progressiveJpeg(40, 24));
    samples.put("png", TestImages.png(40, 30));
    samples.put("lossy webp", TestImages.webp("lossy.webp"));
    samples.put("lossless webp", TestImages.webp("lossless.webp"));
    samples.put("extended webp", TestImages.webp("alpha.webp"));
    return samples;
  }

  /**
   * Structure refuses every cut. Full refuses the cuts that lose data its decoders read: ImageIO's
   * PNG reader reads neither the zlib trailer nor the last CRC nor IEND (a PNG cut within its last
   * 24 bytes decodes there), and TwelveMonkeys' WebP reader ignores the RIFF size and pads a cut
   * stream (it accepted lossless.webp cut to 43 of 110 bytes), so full is held only to JPEG and PNG.
   */
  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void everyTruncationIsRefusedAsCorrupt(ImageValidation mode) {
    ImageValidator validator = new ImageValidator(1_000_000, 64_000_000, mode);
    samples().forEach((name, whole) -> {
      assertTrue(validator.validate(whole).width() > 0, name);
      if (mode == ImageValidation.FULL && name.endsWith("webp")) {
        return;
      }
      int dataEnd = mode == ImageValidation.FULL && name.equals("png") ? whole.length - 24 : whole.length;
      // Every prefix that still sniffs as the format (from byte 12 on), in steps to keep it quick.
      for (int length = 12; length < dataEnd; length += Math.max(1, whole.length / 400)) {
        byte[] cut = Arrays.copyOf(whole, length);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> validator.validate(cut),
            () -> name + " cut to " + cut.length + " of " + whole.length + " bytes was accepted in " + mode);
        assertEquals(400, e.status(), name + " cut to " + length + ": " + e.getMessage());
        assertEquals("corrupt_image", e.reason(), name + " cut to " + length + ": " + e.getMessage());
      }
    });
  }

  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void bombsAreRefusedFromTheirHeaders(ImageValidation mode) {
    ImageValidator validator = new ImageValidator(1_000_000, dev.groundstream.images.ImageBudget.DEFAULT, mode);
    assertEquals("too_many_pixels", assertThrows(InvalidInputException.class,
        () -> validator.validate(BombImages.jpeg(60_000, 60_000))).reason());
    assertEquals("too_many_pixels", assertThrows(InvalidInputException.class,
        () -> validator.validate(BombImages.png(100_000, 100_000))).reason());
    assertEquals("decoded_too_large", assertThrows(InvalidInputException.class,
        () -> validator.validate(BombImages.png(6000, 6000, 16))).reason());
    assertEquals("too_many_pixels", assertThrows(InvalidInputException.class,
        () -> validator.validate(BombImages.webp())).reason());
  }

  /** Seeded: a failure names the sample, the case and the mode. */
  @ParameterizedTest
  @EnumSource(ImageValidation.class)
  void mutationsAreAcceptedOrRefusedWithA4xxNeverAnotherError(ImageValidation mode) {
    // A low pixel cap: a mutated size field may declare millions of pixels, which the full decode
    // would spend seconds filling with grey (the structure walk does not care).
    ImageValidator validator = new ImageValidator(1_000_000, 100_000, mode);
    Random random = new Random(20261206L);
    int refused = 0;
    int cases = 0;
    for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
      if (mode == ImageValidation.FULL && sample.getKey().endsWith("webp")) {
        // TwelveMonkeys' VP8L decoder spent 73 s on one mutated lossless WebP (seed above, case 67):
        // a full decode's cost, not a validation outcome; the structure walk is the one under test.
        continue;
      }
      for (int c = 0; c < 300; c++, cases++) {
        byte[] bytes = sample.getValue().clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
          // Mostly in the headers, where the walks read lengths and sizes.
          int at = random.nextBoolean() ? 12 + random.nextInt(Math.min(200, bytes.length - 12)) : random.nextInt(bytes.length);
          bytes[at] = (byte) random.nextInt(256);
        }
        try {
          validator.validate(bytes);
        } catch (InvalidInputException e) {
          refused++;
          assertTrue(e.status() >= 400 && e.status() < 500, sample.getKey() + " case " + c + ": " + e.status());
        } catch (RuntimeException e) {
          fail(sample.getKey() + " case " + c + " in " + mode + " escaped as " + e, e);
        }
      }
    }
    assertTrue(refused > cases / 4, "only " + refused + " of " + cases + " mutations refused in " + mode);
  }

  @Test
  void wholeStructureWithCorruptPixelDataIsAcceptedByStructureAndRefusedByFull() {
    ImageValidator structure = new ImageValidator(1_000_000, 64_000_000, ImageValidation.STRUCTURE);
    ImageValidator full = new ImageValidator(1_000_000, 64_000_000, ImageValidation.FULL);
    Map<String, byte[]> corpus = Map.of(
        "jpeg, scrambled entropy-coded data", CorruptEntropyImages.jpegScrambledEntropy(),
        "jpeg, invalid Huffman codes", CorruptEntropyImages.jpegInvalidHuffmanCodes(),
        "png, unknown row filter", CorruptEntropyImages.pngUnknownRowFilter());
    Map<String, int[]> sizes = Map.of("jpeg, scrambled entropy-coded data", new int[] {96, 96},
        "jpeg, invalid Huffman codes", new int[] {64, 48}, "png, unknown row filter", new int[] {40, 30});
    corpus.forEach((name, bytes) -> {
      ValidatedImage accepted = structure.validate(bytes);
      assertEquals(sizes.get(name)[0], accepted.width(), name);
      assertEquals(sizes.get(name)[1], accepted.height(), name);
      InvalidInputException refused = assertThrows(InvalidInputException.class, () -> full.validate(bytes), name);
      assertEquals(400, refused.status(), name);
      assertEquals("corrupt_image", refused.reason(), name);
    });
  }

  @Test
  void structureNamesWhatIsWrong() {
    ImageValidator structure = new ImageValidator(1_000_000, 64_000_000, ImageValidation.STRUCTURE);
    byte[] png = TestImages.png(40, 30);
    png[40] ^= 1; // inside IDAT: the CRC no longer matches
    assertTrue(message(structure, png).contains("fails its CRC"), message(structure, png));
    byte[] jpeg = TestImages.jpeg(48, 32);
    assertTrue(message(structure, Arrays.copyOf(jpeg, jpeg.length - 2)).contains("truncated"));
    byte[] webp = TestImages.webp("lossy.webp");
    assertTrue(message(structure, Arrays.copyOf(webp, webp.length - 1)).contains("RIFF size"));
  }

  private static String message(ImageValidator validator, byte[] bytes) {
    return assertThrows(InvalidInputException.class, () -> validator.validate(bytes)).getMessage();
  }
}
