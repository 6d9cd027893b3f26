package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.ScoredBox;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Hand-made people and pixel buffers for the people-ranker unit tests. */
final class PeopleTestKit {
  private PeopleTestKit() {}

  /**
   * An upright person, facing the camera, centred at x = {@code cx}, head top at {@code top}, 100 px
   * tall: nose (cx, top+10), eyes cx-/+4 at top+8, ears cx-/+8 at top+9, shoulders cx-/+15 at top+25,
   * elbows cx-/+18 at top+40, wrists cx-/+19 at top+55, hips cx-/+10 at top+55, knees cx-/+10 at
   * top+75, ankles cx-/+10 at top+95; all keypoints confidence 0.9; box cx-/+20, top..top+100.
   */
  static Person upright(float cx, float top, float score) {
    float[][] kp = {
        {cx, top + 10}, {cx - 4, top + 8}, {cx + 4, top + 8}, {cx - 8, top + 9}, {cx + 8, top + 9},
        {cx - 15, top + 25}, {cx + 15, top + 25}, {cx - 18, top + 40}, {cx + 18, top + 40},
        {cx - 19, top + 55}, {cx + 19, top + 55}, {cx - 10, top + 55}, {cx + 10, top + 55},
        {cx - 10, top + 75}, {cx + 10, top + 75}, {cx - 10, top + 95}, {cx + 10, top + 95}};
    float[] x = new float[17];
    float[] y = new float[17];
    float[] c = new float[17];
    for (int k = 0; k < 17; k++) {
      x[k] = kp[k][0];
      y[k] = kp[k][1];
      c[k] = 0.9f;
    }
    return new Person(new ScoredBox(cx - 20, top, cx + 20, top + 100, score), x, y, c);
  }

  /** A w x h NHWC raw RGB buffer filled with one colour. */
  static FloatBuffer filled(int w, int h, int r, int g, int b) {
    FloatBuffer f = ByteBuffer.allocateDirect(w * h * 3 * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    for (int i = 0; i < w * h; i++) {
      f.put(r).put(g).put(b);
    }
    return f.rewind();
  }

  /** Paints the box [x1,x2) x [y1,y2) of {@code f} (w wide). */
  static void paint(FloatBuffer f, int w, int x1, int y1, int x2, int y2, int r, int g, int b) {
    for (int y = y1; y < y2; y++) {
      for (int x = x1; x < x2; x++) {
        int i = (y * w + x) * 3;
        f.put(i, r).put(i + 1, g).put(i + 2, b);
      }
    }
  }
}
