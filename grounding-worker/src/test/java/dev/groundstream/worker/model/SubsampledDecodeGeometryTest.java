package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.images.ImageBudget;
import dev.groundstream.worker.TestFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.FloatBuffer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A big image decoded subsampled lands on the model input where the full-resolution image does,
 * and a box found in the model input maps back to the original's pixels.
 */
class SubsampledDecodeGeometryTest {
  // sizes that are not multiples of the step, so a grid computed on the kept pixels would drift
  private static final int W = 2047;
  private static final int H = 1023;
  private static final float[] SQUARE = {613, 311, 1013, 711};

  private static BufferedImage picture() {
    return TestFixtures.withSquare(TestFixtures.uniform(W, H, Color.BLACK), Color.WHITE, 613, 311, 400);
  }

  /** The bounding box (input pixels, exclusive right/bottom) of red above one half. */
  private static int[] whiteBox(PreprocessedImage image, Preprocessing spec) {
    FloatBuffer px = image.pixels();
    int x1 = Integer.MAX_VALUE;
    int y1 = Integer.MAX_VALUE;
    int x2 = -1;
    int y2 = -1;
    for (int y = 0; y < spec.height(); y++) {
      for (int x = 0; x < spec.width(); x++) {
        if (px.get((y * spec.width() + x) * 3) > 0.5f) {
          x1 = Math.min(x1, x);
          y1 = Math.min(y1, y);
          x2 = Math.max(x2, x + 1);
          y2 = Math.max(y2, y + 1);
        }
      }
    }
    return new int[] {x1, y1, x2, y2};
  }

  private static void assertSubsampledMatchesFullResolution(byte[] encoded, boolean halfPixelCenters) throws Exception {
    Preprocessing spec = new Preprocessing(200, 200, TensorLayout.NHWC, ResizeMode.LETTERBOX, 1f / 255,
        new float[] {0, 0, 0}, new float[] {1, 1, 1}, 0, halfPixelCenters);
    ImagePreprocessor preprocessor = new ImagePreprocessor(spec);
    ImageDecoder.Decoded subsampled = ImageDecoder.decode(encoded, ImageBudget.DEFAULT, 200, 200);
    assertEquals(5, subsampled.step(), "2047x1023 for a 200x200 input: every 5th pixel keeps 204 rows");
    assertEquals(2, subsampled.offset(), "each kept pixel is the centre of its 5x5 block");
    assertEquals(409, subsampled.image().getWidth(), "pixels 2, 7, ..., 2042");
    PreprocessedImage small = preprocessor.preprocess(subsampled);
    PreprocessedImage full = preprocessor.preprocess(ImageIO.read(new java.io.ByteArrayInputStream(encoded)));
    assertEquals(full.transform(), small.transform(), "the geometry is the original's either way");
    assertEquals(new ResizeTransform(W, H, 200, 200, 200, 100, 0, 50), small.transform());

    int[] box = whiteBox(small, spec);
    int[] fullBox = whiteBox(full, spec);
    float[] back = small.transform().boxToOriginal(box[0], box[1], box[2], box[3]);
    double inputPixel = (double) W / 200; // one model-input pixel, in original pixels
    for (int i = 0; i < 4; i++) {
      // an edge seen through every 5th pixel blurs over 5 pixels: at most one input pixel moves
      assertTrue(Math.abs(box[i] - fullBox[i]) <= 1, "edge " + i + ": " + box[i] + " vs " + fullBox[i]);
      assertTrue(Math.abs(back[i] - SQUARE[i]) <= 1.5 * inputPixel,
          "coordinate " + i + " maps back to " + back[i] + ", the square's is " + SQUARE[i]);
    }
  }

  /**
   * On a linear ramp bilinear sampling is exact wherever it samples, so a subsampled decode gives
   * the full-resolution input up to 8-bit rounding only if it samples the same places; a grid
   * computed on the kept pixels instead (409 of them, not 2047 / 5 = 409.4) would drift at the right.
   */
  @Test
  void aSubsampledDecodeSamplesTheSamePlacesAsTheFullResolutionOne() throws Exception {
    BufferedImage ramp = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    for (int x = 0; x < W; x++) {
      int v = Math.max(0, Math.min(255, x - 1700)); // 1 level per pixel from x = 1700 to 1955
      for (int y = 0; y < H; y++) {
        ramp.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    byte[] png = TestFixtures.png(ramp);
    for (boolean halfPixel : new boolean[] {true, false}) {
      Preprocessing spec = new Preprocessing(200, 200, TensorLayout.NHWC, ResizeMode.LETTERBOX, 1f,
          new float[] {0, 0, 0}, new float[] {1, 1, 1}, 0, halfPixel);
      ImagePreprocessor preprocessor = new ImagePreprocessor(spec);
      PreprocessedImage small = preprocessor.preprocess(png);
      PreprocessedImage full = preprocessor.preprocess(ramp);
      int checked = 0;
      for (int x = 0; x < 200; x++) {
        double src = halfPixel ? (x + 0.5) * W / 200 - 0.5 : x * (double) W / 200;
        if (src < 1700 + 6 || src > 1955 - 6) {
          continue; // near the ramp's ends the kept pixels straddle a kink
        }
        int i = (100 * 200 + x) * 3; // a middle row
        assertEquals(full.pixels().get(i), small.pixels().get(i), 1.0f, "column " + x + " (half-pixel " + halfPixel + ")");
        checked++;
      }
      assertTrue(checked >= 20, "columns on the ramp: " + checked);
    }
  }

  @Test
  void pngDecodedSubsampledMapsBoxesBackToOriginalPixels() throws Exception {
    byte[] png = TestFixtures.png(picture());
    assertSubsampledMatchesFullResolution(png, true);
    assertSubsampledMatchesFullResolution(png, false);
  }

  @Test
  void jpegDecodedSubsampledMapsBoxesBackToOriginalPixels() throws Exception {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(picture(), "jpeg", jpeg);
    assertSubsampledMatchesFullResolution(jpeg.toByteArray(), true);
    assertSubsampledMatchesFullResolution(jpeg.toByteArray(), false);
  }

  @Test
  void fastPixelReadsEqualGetRgb() throws Exception {
    BufferedImage bgr = TestFixtures.withSquare(TestFixtures.uniform(7, 5, new Color(10, 200, 30)), new Color(250, 1, 99), 2, 1, 3);
    BufferedImage abgr = new BufferedImage(7, 5, BufferedImage.TYPE_4BYTE_ABGR);
    abgr.createGraphics().drawImage(bgr, 0, 0, null);
    BufferedImage gray = new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY);
    gray.createGraphics().drawImage(bgr, 0, 0, null);
    for (BufferedImage image : new BufferedImage[] {bgr, abgr, gray, ImageIO.read(new java.io.ByteArrayInputStream(
        TestFixtures.png(bgr)))}) {
      int[] expected = image.getRGB(0, 0, 7, 5, null, 0, 7);
      int[] packed = PackedRgb.of(image);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i] & 0xffffff, packed[i] & 0xffffff, "pixel " + i + " of type " + image.getType());
      }
    }
  }
}
