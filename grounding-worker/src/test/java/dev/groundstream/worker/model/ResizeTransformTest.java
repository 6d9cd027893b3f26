package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResizeTransformTest {

  @Test
  void letterboxOfAWideImageCentresItVertically() {
    ResizeTransform t = ResizeTransform.of(ResizeMode.LETTERBOX, 640, 480, 320, 320);
    assertEquals(new ResizeTransform(640, 480, 320, 320, 320, 240, 0, 40), t);
    assertEquals(0, t.toInputX(0));
    assertEquals(40, t.toInputY(0));
    assertEquals(320, t.toInputX(640));
    assertEquals(280, t.toInputY(480));
  }

  @Test
  void letterboxOfATallImageCentresItHorizontallyWithTheOddPixelRight() {
    ResizeTransform t = ResizeTransform.of(ResizeMode.LETTERBOX, 100, 300, 64, 64);
    // scale 64/300: content 21 x 64 (21.33 rounded), padding 43 split 21 left / 22 right
    assertEquals(new ResizeTransform(100, 300, 64, 64, 21, 64, 21, 0), t);
  }

  @Test
  void boxesGoBackToOriginalPixelsExactly() {
    for (ResizeMode mode : ResizeMode.values()) {
      for (int[] size : new int[][] {{640, 480}, {333, 500}, {17, 1000}, {512, 512}}) {
        ResizeTransform t = ResizeTransform.of(mode, size[0], size[1], 416, 416);
        float[] original = {size[0] * 0.1f, size[1] * 0.2f, size[0] * 0.7f, size[1] * 0.9f};
        float[] back = t.boxToOriginal((float) t.toInputX(original[0]), (float) t.toInputY(original[1]),
            (float) t.toInputX(original[2]), (float) t.toInputY(original[3]));
        assertArrayEquals(original, back, 1e-3f, mode + " " + size[0] + "x" + size[1]);
      }
    }
  }

  @Test
  void inverseMappingUndoesPaddingAndScale() {
    ResizeTransform t = ResizeTransform.of(ResizeMode.LETTERBOX, 640, 480, 320, 320);
    // model box (10, 50)-(110, 150) -> x * 2, (y - 40) * 2
    assertArrayEquals(new float[] {20, 20, 220, 220}, t.boxToOriginal(10, 50, 110, 150), 0f);
    // boxes in the padding are clipped to the image; swapped corners are ordered
    assertArrayEquals(new float[] {0, 0, 640, 480}, t.boxToOriginal(330, 300, -5, 0), 0f);
  }

  @Test
  void stretchScalesEachAxis() {
    ResizeTransform t = ResizeTransform.of(ResizeMode.STRETCH, 200, 100, 32, 32);
    assertArrayEquals(new float[] {25, 12.5f, 200, 100}, t.boxToOriginal(4, 4, 32, 32), 1e-5f);
  }
}
