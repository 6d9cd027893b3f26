package dev.groundstream.eval.protocol;

import java.util.List;

/**
 * Attention correctness as MultiGrounding reports it (after Liu et al., AAAI-17): the heatmap is resized
 * to the image (bilinear, {@link BilinearAxis}), normalised to sum 1, and the mass inside each ground-truth
 * box is added over the boxes. Following MultiGrounding's evaluator, which sums
 * {@code heatmap[y1:y2, x1:x2]} box by box, mass where truth boxes overlap is counted once per box, so
 * overlapping boxes can push the value above 1 (duplicate boxes count twice). A heatmap without mass
 * scores 0, as in the reference.
 *
 * <p>Computed without materialising the resized image: bilinear resizing is separable, so the mass in a
 * box is sum over cells of value * rowWeight * columnWeight, with the weights from
 * {@link BilinearAxis#cellWeightsOver}. A pixel counts with the part of its footprint [p, p+1) inside the
 * box, which for integer boxes is exactly the reference's slice.
 */
public final class AttentionCorrectness {

    private AttentionCorrectness() {
    }

    public static double of(HeatmapGrid grid, int imageWidth, int imageHeight, List<PixelBox> truthBoxes) {
        if (!(grid.totalMass() > 0.0) || imageWidth <= 0 || imageHeight <= 0) {
            return 0.0;
        }
        BilinearAxis columns = new BilinearAxis(grid.width(), imageWidth);
        BilinearAxis rows = new BilinearAxis(grid.height(), imageHeight);
        double total = massOver(grid, columns.cellWeightsOver(0, imageWidth), rows.cellWeightsOver(0, imageHeight));
        if (!(total > 0.0)) {
            return 0.0;
        }
        double inside = 0.0;
        for (PixelBox box : truthBoxes) {
            if (!box.isWellFormed()) {
                continue;
            }
            inside += massOver(grid, columns.cellWeightsOver(box.x1(), box.x2()),
                    rows.cellWeightsOver(box.y1(), box.y2()));
        }
        return inside / total;
    }

    private static double massOver(HeatmapGrid grid, double[] columnWeights, double[] rowWeights) {
        double mass = 0.0;
        for (int r = 0; r < grid.height(); r++) {
            if (rowWeights[r] == 0.0) {
                continue;
            }
            double rowSum = 0.0;
            for (int c = 0; c < grid.width(); c++) {
                rowSum += grid.value(c, r) * columnWeights[c];
            }
            mass += rowWeights[r] * rowSum;
        }
        return mass;
    }
}
