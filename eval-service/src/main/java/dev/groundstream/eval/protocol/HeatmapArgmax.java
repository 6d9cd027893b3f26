package dev.groundstream.eval.protocol;

import java.util.Optional;

/**
 * The pointing location of a heatmap: MultiGrounding's evaluator resizes the heatmap to the original
 * image with {@code cv2.resize} (bilinear) and takes {@code np.argmax}. We do the same resize, defined
 * in {@link BilinearAxis} (image pixel p samples heatmap coordinate (p + 0.5) * cells / pixels - 0.5 on
 * each axis, edges replicated), and return the integer pixel (column, row) of the first maximum in
 * row-major order, numpy's tie rule. The pixel index is then compared with the box corners as the
 * reference does ({@code x1 <= col <= x2}). Values are computed in double; cv2 works in float32, so
 * near-ties closer than float precision may resolve differently.
 *
 * <p>A heatmap without positive mass has no maximum worth pointing at: we return no location (a miss),
 * where numpy would pick pixel (0, 0).
 */
public final class HeatmapArgmax {

    /** Slack for rounding when pruning rows by an upper bound (values are convex combinations). */
    private static final double PRUNING_SLACK = 1e-12;

    private HeatmapArgmax() {
    }

    public static Optional<PointingLocation> locate(HeatmapGrid grid, int imageWidth, int imageHeight) {
        if (!(grid.totalMass() > 0.0) || imageWidth <= 0 || imageHeight <= 0) {
            return Optional.empty();
        }
        BilinearAxis columns = new BilinearAxis(grid.width(), imageWidth);
        BilinearAxis rows = new BilinearAxis(grid.height(), imageHeight);

        // Resize along x once per heatmap row; each image row then blends two of these.
        double[][] resizedRows = new double[grid.height()][imageWidth];
        double[] rowMax = new double[grid.height()];
        for (int r = 0; r < grid.height(); r++) {
            double max = 0.0;
            for (int x = 0; x < imageWidth; x++) {
                double t = columns.upperWeight(x);
                double value = (1.0 - t) * grid.value(columns.lower(x), r) + t * grid.value(columns.upper(x), r);
                resizedRows[r][x] = value;
                max = Math.max(max, value);
            }
            rowMax[r] = max;
        }

        double best = Double.NEGATIVE_INFINITY;
        int bestX = -1;
        int bestY = -1;
        for (int y = 0; y < imageHeight; y++) {
            int r0 = rows.lower(y);
            int r1 = rows.upper(y);
            double t = rows.upperWeight(y);
            // An interpolated value never exceeds the larger of its two source rows' maxima.
            double bound = Math.max(rowMax[r0], rowMax[r1]);
            if (bound * (1.0 + PRUNING_SLACK) < best) {
                continue;
            }
            double[] above = resizedRows[r0];
            double[] below = resizedRows[r1];
            for (int x = 0; x < imageWidth; x++) {
                double value = (1.0 - t) * above[x] + t * below[x];
                if (value > best) {
                    best = value;
                    bestX = x;
                    bestY = y;
                }
            }
        }
        return Optional.of(new PointingLocation(bestX, bestY, PointingLocation.Source.HEATMAP_ARGMAX));
    }
}
