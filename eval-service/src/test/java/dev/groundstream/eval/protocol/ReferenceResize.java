package dev.groundstream.eval.protocol;

/**
 * Test-only, straightforward re-implementation of the reference pipeline: resize the heatmap to the full
 * image like cv2.resize INTER_LINEAR (half-pixel centres, replicated edges), then work on pixels.
 * Shares no code with production.
 */
final class ReferenceResize {

    private ReferenceResize() {
    }

    /** Full image of interpolated values, [row][column]. */
    static double[][] resize(double[] cells, int cellsWide, int cellsHigh, int imageWidth, int imageHeight) {
        double[][] image = new double[imageHeight][imageWidth];
        for (int y = 0; y < imageHeight; y++) {
            double sy = clampSource((y + 0.5) * cellsHigh / (double) imageHeight - 0.5, cellsHigh);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, cellsHigh - 1);
            double wy = sy - y0;
            for (int x = 0; x < imageWidth; x++) {
                double sx = clampSource((x + 0.5) * cellsWide / (double) imageWidth - 0.5, cellsWide);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, cellsWide - 1);
                double wx = sx - x0;
                double top = cells[y0 * cellsWide + x0] * (1 - wx) + cells[y0 * cellsWide + x1] * wx;
                double bottom = cells[y1 * cellsWide + x0] * (1 - wx) + cells[y1 * cellsWide + x1] * wx;
                image[y][x] = top * (1 - wy) + bottom * wy;
            }
        }
        return image;
    }

    /** Source coordinates outside [0, n-1] read the edge cell (replicate border). */
    private static double clampSource(double source, int n) {
        return Math.max(0.0, Math.min(n - 1.0, source));
    }

    /**
     * numpy argmax: first maximum in row-major order, as {column, row}. Values within {@code slack} of the
     * maximum count as ties, so rounding differences of different but equivalent formulas do not matter.
     */
    static int[] argmax(double[][] image, double slack) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : image) {
            for (double value : row) {
                max = Math.max(max, value);
            }
        }
        for (int y = 0; y < image.length; y++) {
            for (int x = 0; x < image[y].length; x++) {
                if (image[y][x] >= max - slack) {
                    return new int[] {x, y};
                }
            }
        }
        throw new IllegalArgumentException("empty image");
    }

    /** MultiGrounding's attCorrectness for integer boxes: normalise, sum image[y1:y2, x1:x2] per box. */
    static double attentionCorrectness(double[][] image, int[][] boxes) {
        double total = 0.0;
        for (double[] row : image) {
            for (double value : row) {
                total += value;
            }
        }
        if (total == 0.0) {
            return 0.0;
        }
        double inside = 0.0;
        for (int[] box : boxes) {
            for (int y = Math.max(0, box[1]); y < Math.min(image.length, box[3]); y++) {
                for (int x = Math.max(0, box[0]); x < Math.min(image[y].length, box[2]); x++) {
                    inside += image[y][x] / total;
                }
            }
        }
        return inside;
    }
}
