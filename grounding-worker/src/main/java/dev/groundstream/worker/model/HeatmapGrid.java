package dev.groundstream.worker.model;

/** A row-major {@code width x height} grid of non-negative values. */
public record HeatmapGrid(int width, int height, float[] values) {
  public HeatmapGrid {
    if (values.length != width * height) {
      throw new IllegalArgumentException("heatmap needs " + width * height + " values, got " + values.length);
    }
  }

  public float at(int row, int col) {
    return values[row * width + col];
  }
}
