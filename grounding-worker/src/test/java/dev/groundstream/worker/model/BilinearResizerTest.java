package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BilinearResizerTest {
  /** One row of grey pixels (R = G = B = v). */
  static int[] grayRow(int... values) {
    int[] rgb = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      rgb[i] = values[i] << 16 | values[i] << 8 | values[i];
    }
    return rgb;
  }

  static float[] red(float[] interleaved) {
    float[] r = new float[interleaved.length / 3];
    for (int i = 0; i < r.length; i++) {
      r[i] = interleaved[i * 3];
    }
    return r;
  }

  @Test
  void downscaleByTwoOnBothGrids() {
    int[] row = grayRow(0, 100, 200, 250);
    // TF legacy: src = 2o -> pixels 0 and 2 exactly
    assertArrayEquals(new float[] {0, 200}, red(BilinearResizer.resize(row, 4, 1, 2, 1, false)), 1e-4f);
    // half-pixel: src = 2o + 0.5 -> halfway between pixels 0|1 and 2|3
    assertArrayEquals(new float[] {50, 225}, red(BilinearResizer.resize(row, 4, 1, 2, 1, true)), 1e-4f);
  }

  @Test
  void upscaleClampsAtTheBorders() {
    int[] row = grayRow(0, 100);
    // half-pixel: src = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (i1 clamped to 1)
    assertArrayEquals(new float[] {0, 25, 75, 100}, red(BilinearResizer.resize(row, 2, 1, 4, 1, true)), 1e-4f);
    // legacy: src = 0, 0.5, 1, 1.5
    assertArrayEquals(new float[] {0, 50, 100, 100}, red(BilinearResizer.resize(row, 2, 1, 4, 1, false)), 1e-4f);
  }

  @Test
  void verticalThenChannelsStaySeparate() {
    int[] column = {0xff0000, 0x0000ff}; // red above blue, 1 x 2
    float[] out = BilinearResizer.resize(column, 1, 2, 1, 4, true);
    // rows at src y = 0 (clamped), 0.25, 0.75, 1 (clamped)
    assertArrayEquals(new float[] {255, 0, 0, 191.25f, 0, 63.75f, 63.75f, 0, 191.25f, 0, 0, 255}, out, 1e-3f);
  }
}
