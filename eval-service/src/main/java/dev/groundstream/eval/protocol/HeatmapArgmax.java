package dev.groundstream.eval.protocol;

import java.util.Optional;

/**
 * The pointing location of a heatmap: MultiGrounding's evaluator resizes the heatmap to the original
 * image with {@code cv2.resize} (bilinear) and takes {@code np.argmax}. We use the same resize, defined
 * in {@link BilinearAxis} (image pixel p samples heatmap coordinate (p + 0.5) * cells / pixels - 0.5 on
 * each axis, edges replicated), and return the integer pixel (column, row) of the first maximum in
 * row-major order, numpy's tie rule. The pixel index is compared with the box corners as the reference
 * does ({@code x1 <= col <= x2}).
 *
 * <p>The resized image is never materialised. Between two neighbouring cell centres the resized map is
 * bilinear, i.e. monotone along each axis, so the first maximum in row-major order of every such patch
 * lies on one of its corner pixels (the ends of the {@link BilinearAxis#runEnds() runs}); only those
 * O(cells) pixels are evaluated, whatever the image size. Values are computed in double and values
 * within a relative 1e-12 of the maximum are ties (rounding, not signal), resolved to the first pixel;
 * cv2 works in float32, so near-ties closer than float precision may resolve differently there.
 *
 * <p>A heatmap without positive mass has no maximum worth pointing at: we return no location (a miss),
 * where numpy would pick pixel (0, 0).
 */
public final class HeatmapArgmax {

    /** Relative difference below which two resized values are the same value up to rounding. */
    static final double TIE_TOLERANCE = 1e-12;

    private HeatmapArgmax() {
    }

    public static Optional<PointingLocation> locate(HeatmapGrid grid, int imageWidth, int imageHeight) {
        if (!(grid.totalMass() > 0.0) || imageWidth <= 0 || imageHeight <= 0) {
            return Optional.empty();
        }
        BilinearAxis columns = new BilinearAxis(grid.width(), imageWidth);
        BilinearAxis rows = new BilinearAxis(grid.height(), imageHeight);
        int[] candidateColumns = columns.runEnds();
        int[] candidateRows = rows.runEnds();

        // Each heatmap row resized along x, at the candidate columns only.
        double[][] resizedRows = new double[grid.height()][candidateColumns.length];
        for (int r = 0; r < grid.height(); r++) {
            for (int i = 0; i < candidateColumns.length; i++) {
                int x = candidateColumns[i];
                resizedRows[r][i] = lerp(grid.value(columns.lower(x), r), grid.value(columns.upper(x), r),
                        columns.upperWeight(x));
            }
        }

        double[][] values = new double[candidateRows.length][candidateColumns.length];
        double max = 0.0;
        for (int j = 0; j < candidateRows.length; j++) {
            int y = candidateRows[j];
            double[] above = resizedRows[rows.lower(y)];
            double[] below = resizedRows[rows.upper(y)];
            double t = rows.upperWeight(y);
            for (int i = 0; i < candidateColumns.length; i++) {
                values[j][i] = lerp(above[i], below[i], t);
                max = Math.max(max, values[j][i]);
            }
        }
        // Mathematically equal values (e.g. the two sides of a symmetric peak) can differ in the last
        // bits; such ties go to the first pixel in row-major order, as numpy's argmax would on exact values.
        double tieFloor = max * (1.0 - TIE_TOLERANCE);
        for (int j = 0; j < candidateRows.length; j++) {
            for (int i = 0; i < candidateColumns.length; i++) {
                if (values[j][i] >= tieFloor) {
                    return Optional.of(new PointingLocation(candidateColumns[i], candidateRows[j],
                            PointingLocation.Source.HEATMAP_ARGMAX));
                }
            }
        }
        throw new IllegalStateException("no candidate reaches the maximum");
    }

    /** a + t (b - a): exactly a when both cells are equal, and monotone in t. */
    private static double lerp(double a, double b, double t) {
        return a + t * (b - a);
    }
}
