package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Heatmap;
import java.util.List;
import java.util.Optional;

/**
 * A heatmap read defensively from its Avro record: row-major, {@code width*height} cells. Cells that are
 * NaN, infinite or negative (the schema promises non-negative values) are read as 0 and counted in
 * {@link #invalidCells()}, so a broken model can neither win the argmax with NaN nor poison the
 * normalisation; the count surfaces in {@link EvaluationAnomalies}.
 */
public final class HeatmapGrid {

    private final int width;
    private final int height;
    private final double[] values;
    private final int invalidCells;
    private final double totalMass;

    HeatmapGrid(int width, int height, double[] values, int invalidCells) {
        this.width = width;
        this.height = height;
        this.values = values;
        this.invalidCells = invalidCells;
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        this.totalMass = sum;
    }

    /** Empty when the shape is unusable: non-positive dimensions or a value count other than width*height. */
    public static Optional<HeatmapGrid> read(Heatmap heatmap) {
        int width = heatmap.getWidth();
        int height = heatmap.getHeight();
        List<Float> cells = heatmap.getValues();
        if (width <= 0 || height <= 0 || cells == null || (long) width * height != cells.size()) {
            return Optional.empty();
        }
        double[] values = new double[cells.size()];
        int invalid = 0;
        for (int i = 0; i < values.length; i++) {
            Float cell = cells.get(i);
            double value = cell == null ? Double.NaN : cell;
            if (Double.isFinite(value) && value >= 0.0) {
                values[i] = value;
            } else {
                invalid++;
            }
        }
        return Optional.of(new HeatmapGrid(width, height, values, invalid));
    }

    /** For callers that already hold clean values (tests, other producers). */
    public static HeatmapGrid of(int width, int height, double... values) {
        if (width <= 0 || height <= 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException("need width*height values");
        }
        return new HeatmapGrid(width, height, values.clone(), 0);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public double value(int column, int row) {
        return values[row * width + column];
    }

    public int invalidCells() {
        return invalidCells;
    }

    /** Sum of the valid cells; 0 means the heatmap points nowhere. */
    public double totalMass() {
        return totalMass;
    }
}
