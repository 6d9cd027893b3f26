package dev.groundstream.eval.protocol;

import java.util.Arrays;

/**
 * How one axis of a heatmap is resized to the image, exactly as {@code cv2.resize(..., INTER_LINEAR)}
 * (which MultiGrounding's evaluator calls) and PyTorch's {@code align_corners=False} do it: image pixel
 * {@code p} (0-based, covering [p, p+1)) samples the heatmap at source coordinate
 * {@code f = (p + 0.5) * sourceSize / targetSize - 0.5}, i.e. pixel centres are aligned with cell centres.
 * It takes {@code (1 - t) * cell[floor(f)] + t * cell[floor(f) + 1]} with {@code t = f - floor(f)};
 * outside the outermost cell centres the edge cell is replicated ({@code f < 0} reads cell 0,
 * {@code f >= sourceSize - 1} reads the last cell).
 */
final class BilinearAxis {

    private final int sourceSize;
    private final int targetSize;
    /** Lower source cell of each target pixel. */
    private final int[] lower;
    /** Weight of the cell after {@code lower}; 0 where the edge is replicated. */
    private final double[] upperWeight;

    BilinearAxis(int sourceSize, int targetSize) {
        if (sourceSize <= 0 || targetSize <= 0) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        this.sourceSize = sourceSize;
        this.targetSize = targetSize;
        this.lower = new int[targetSize];
        this.upperWeight = new double[targetSize];
        double scale = (double) sourceSize / targetSize;
        for (int p = 0; p < targetSize; p++) {
            double f = (p + 0.5) * scale - 0.5;
            int s = (int) Math.floor(f);
            double t = f - s;
            if (s < 0) {
                s = 0;
                t = 0.0;
            }
            if (s >= sourceSize - 1) {
                s = sourceSize - 1;
                t = 0.0;
            }
            lower[p] = s;
            upperWeight[p] = t;
        }
    }

    int targetSize() {
        return targetSize;
    }

    int lower(int pixel) {
        return lower[pixel];
    }

    /** The cell after {@link #lower}, or the same cell at the far edge (its weight is then 0). */
    int upper(int pixel) {
        return Math.min(lower[pixel] + 1, sourceSize - 1);
    }

    double upperWeight(int pixel) {
        return upperWeight[pixel];
    }

    /**
     * The first and last pixel of every run of pixels that share their {@link #lower} cell, ascending.
     * Within a run the interpolation weight grows monotonically, so along this axis the resized values
     * are monotone there and any maximum of a run is reached at one of its two ends.
     */
    int[] runEnds() {
        int[] ends = new int[2 * targetSize];
        int count = 0;
        for (int p = 0; p < targetSize; p++) {
            boolean first = p == 0 || lower[p] != lower[p - 1];
            boolean last = p == targetSize - 1 || lower[p] != lower[p + 1];
            if (first || last) {
                ends[count++] = p;
            }
        }
        return Arrays.copyOf(ends, count);
    }

    /**
     * For each source cell, the total weight it receives from the image pixels covered by the interval
     * [from, to] of this axis, a pixel counting with the length of its footprint [p, p+1) inside the
     * interval. For integer bounds this is the numpy slice {@code [from:to]} that MultiGrounding sums.
     */
    double[] cellWeightsOver(double from, double to) {
        double[] weights = new double[sourceSize];
        double start = Math.max(0.0, from);
        double end = Math.min(targetSize, to);
        if (!(end > start)) {
            return weights;
        }
        int first = (int) Math.floor(start);
        int last = Math.min(targetSize - 1, (int) Math.ceil(end) - 1);
        for (int p = first; p <= last; p++) {
            double coverage = Math.min(p + 1.0, end) - Math.max(p, start);
            if (coverage <= 0.0) {
                continue;
            }
            weights[lower[p]] += coverage * (1.0 - upperWeight[p]);
            if (upperWeight[p] > 0.0) {
                weights[lower[p] + 1] += coverage * upperWeight[p];
            }
        }
        return weights;
    }
}
