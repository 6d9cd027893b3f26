package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.TestFixtures;
import java.awt.Color;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

  @Test
  void letterboxWritesContentAndPaddingIntoADirectNhwcBuffer() throws Exception {
    Preprocessing spec = new Preprocessing(8, 8, TensorLayout.NHWC, ResizeMode.LETTERBOX, 1f / 255,
        new float[] {0, 0, 0}, new float[] {1, 1, 1}, 114);
    PreprocessedImage image = new ImagePreprocessor(spec).preprocess(
        TestFixtures.png(TestFixtures.uniform(16, 8, new Color(255, 128, 0))));
    FloatBuffer px = image.pixels();
    assertTrue(px.isDirect());
    assertEquals(8 * 8 * 3, px.remaining());
    assertEquals(new ResizeTransform(16, 8, 8, 8, 8, 4, 0, 2), image.transform());
    // row 0 is padding (114), rows 2..5 are the image (R=255, G=128, B=0)
    assertEquals(114 / 255f, px.get(0), 1e-6);
    int content = (3 * 8 + 5) * 3;
    assertEquals(1f, px.get(content), 1e-6);
    assertEquals(128 / 255f, px.get(content + 1), 1e-6);
    assertEquals(0f, px.get(content + 2), 1e-6);
  }

  @Test
  void nchwWithMeanAndStdNormalisesEachChannel() throws Exception {
    Preprocessing spec = new Preprocessing(4, 4, TensorLayout.NCHW, ResizeMode.STRETCH, 1f / 255,
        new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.5f, 1f}, 0);
    FloatBuffer px = new ImagePreprocessor(spec).preprocess(
        TestFixtures.png(TestFixtures.uniform(10, 3, new Color(255, 0, 51)))).pixels();
    assertEquals((1f - 0.5f) / 0.25f, px.get(0), 1e-5);          // R plane
    assertEquals((0f - 0.5f) / 0.5f, px.get(16), 1e-5);          // G plane
    assertEquals((0.2f - 0.5f) / 1f, px.get(32 + 15), 1e-5);     // B plane, last pixel
  }

  @Test
  void recycledBuffersAreReusedOnceAndFullyOverwritten() throws Exception {
    Preprocessing spec = new Preprocessing(4, 4, TensorLayout.NHWC, ResizeMode.STRETCH, 1f / 255,
        new float[] {0, 0, 0}, new float[] {1, 1, 1}, 0);
    ImagePreprocessor preprocessor = new ImagePreprocessor(spec);
    PreprocessedImage white = preprocessor.preprocess(TestFixtures.png(TestFixtures.uniform(8, 8, Color.WHITE)));
    preprocessor.recycle(white);
    preprocessor.recycle(white); // twice: must not hand the buffer to two images
    PreprocessedImage black = preprocessor.preprocess(TestFixtures.png(TestFixtures.uniform(8, 8, Color.BLACK)));
    PreprocessedImage grey = preprocessor.preprocess(TestFixtures.uniformPng(8, 8, 128));
    assertTrue(black.pixels() == white.pixels(), "the recycled buffer is reused");
    assertTrue(grey.pixels() != black.pixels(), "and only once");
    for (int i = 0; i < spec.floatsPerImage(); i++) {
      assertEquals(0f, black.pixels().get(i), 0f, "no white left at " + i);
    }
    assertEquals(0, black.pixels().position());
  }

  @Test
  void undecodableBytesAreReported() {
    Preprocessing spec = new Preprocessing(4, 4, TensorLayout.NCHW, ResizeMode.STRETCH, 1f / 255,
        new float[] {0, 0, 0}, new float[] {1, 1, 1}, 0);
    ImageDecodeException e = assertThrows(ImageDecodeException.class,
        () -> new ImagePreprocessor(spec).preprocess(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3}));
    assertTrue(e.getMessage().contains("5 bytes"), e.getMessage());
    assertThrows(ImageDecodeException.class, () -> new ImagePreprocessor(spec).preprocess(new byte[0]));
  }
}
