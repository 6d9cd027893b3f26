package dev.groundstream.worker.model;

import java.util.ArrayDeque;

/**
 * Reads a model heatmap (model-input space, {@code width x height} cells over the input): the
 * pointing location is the centre of the argmax cell (first in row-major order on ties); the peak
 * box encloses the 4-connected cells around it whose value is at least {@code threshold} times the
 * peak. Both are mapped back to original-image pixels.
 */
public final class HeatmapPeak {
  private HeatmapPeak() {}

  public record Peak(float[] point, ScoredBox box, HeatmapGrid aligned) {}

  public static Peak analyse(HeatmapGrid grid, ResizeTransform t, float threshold) {
    int w = grid.width();
    int h = grid.height();
    int argmax = 0;
    for (int i = 1; i < grid.values().length; i++) {
      if (grid.values()[i] > grid.values()[argmax]) {
        argmax = i;
      }
    }
    float peak = grid.values()[argmax];
    double cellW = (double) t.inputWidth() / w;
    double cellH = (double) t.inputHeight() / h;
    int row = argmax / w;
    int col = argmax % w;
    float[] point = {
        (float) clamp(t.toOriginalX((col + 0.5) * cellW), t.originalWidth()),
        (float) clamp(t.toOriginalY((row + 0.5) * cellH), t.originalHeight())};
    int[] extent = component(grid, row, col, peak * threshold);
    float[] box = t.boxToOriginal((float) (extent[1] * cellW), (float) (extent[0] * cellH),
        (float) ((extent[3] + 1) * cellW), (float) ((extent[2] + 1) * cellH));
    return new Peak(point, new ScoredBox(box[0], box[1], box[2], box[3], peak), aligned(grid, t));
  }

  /** minRow, minCol, maxRow, maxCol of the 4-connected region >= floor containing (row, col). */
  private static int[] component(HeatmapGrid grid, int row, int col, float floor) {
    int w = grid.width();
    int h = grid.height();
    boolean[] seen = new boolean[w * h];
    int[] extent = {row, col, row, col};
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(row * w + col);
    seen[row * w + col] = true;
    while (!queue.isEmpty()) {
      int cell = queue.poll();
      int r = cell / w;
      int c = cell % w;
      extent[0] = Math.min(extent[0], r);
      extent[1] = Math.min(extent[1], c);
      extent[2] = Math.max(extent[2], r);
      extent[3] = Math.max(extent[3], c);
      int[][] next = {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}};
      for (int[] n : next) {
        if (n[0] >= 0 && n[0] < h && n[1] >= 0 && n[1] < w) {
          int idx = n[0] * w + n[1];
          if (!seen[idx] && grid.values()[idx] >= floor) {
            seen[idx] = true;
            queue.add(idx);
          }
        }
      }
    }
    return extent;
  }

  /**
   * The heatmap resampled (nearest cell) onto a grid of the same size laid over the original image,
   * so letterbox padding is cut away and downstream "resize to the image" lines up; negatives to 0.
   */
  static HeatmapGrid aligned(HeatmapGrid grid, ResizeTransform t) {
    int w = grid.width();
    int h = grid.height();
    float[] out = new float[w * h];
    for (int r = 0; r < h; r++) {
      double yIn = t.toInputY((r + 0.5) * t.originalHeight() / h);
      int sr = clampIndex((int) Math.floor(yIn * h / t.inputHeight()), h);
      for (int c = 0; c < w; c++) {
        double xIn = t.toInputX((c + 0.5) * t.originalWidth() / w);
        int sc = clampIndex((int) Math.floor(xIn * w / t.inputWidth()), w);
        out[r * w + c] = Math.max(0, grid.at(sr, sc));
      }
    }
    return new HeatmapGrid(w, h, out);
  }

  private static int clampIndex(int i, int size) {
    return Math.max(0, Math.min(size - 1, i));
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
