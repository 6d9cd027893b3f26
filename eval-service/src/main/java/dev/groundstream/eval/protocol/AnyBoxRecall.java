package dev.groundstream.eval.protocol;

import java.util.List;

/**
 * Any-box Recall@k, the default protocol of MDETR/GLIP {@code flickr_eval.py} (docs/architecture.md §5): a phrase
 * is hit at k when the maximum IoU between its top-k predicted boxes and any of its ground-truth boxes is
 * >= 0.5. When fewer than k boxes are predicted all of them are used (the reference slices
 * {@code ious[:k]}); with no prediction every k misses. A malformed predicted box keeps its rank and
 * scores IoU 0, so a broken top-1 cannot be skipped over by the top-k window.
 */
public final class AnyBoxRecall {

    /** The k reported by the reference evaluator besides the upper bound. */
    public static final List<Integer> REPORTED_K = List.of(1, 5, 10);

    /** bestUpToRank[i] = max IoU of predictions 0..i with any truth box. */
    private final double[] bestUpToRank;

    private AnyBoxRecall(double[] bestUpToRank) {
        this.bestUpToRank = bestUpToRank;
    }

    /**
     * @param rankedPredictions predicted boxes, best first
     * @param truthBoxes        the phrase's well-formed ground-truth boxes (duplicates are harmless)
     */
    public static AnyBoxRecall of(List<PixelBox> rankedPredictions, List<PixelBox> truthBoxes) {
        double[] best = new double[rankedPredictions.size()];
        double running = 0.0;
        for (int rank = 0; rank < best.length; rank++) {
            PixelBox predicted = rankedPredictions.get(rank);
            for (PixelBox truth : truthBoxes) {
                running = Math.max(running, BoxGeometry.iou(predicted, truth));
            }
            best[rank] = running;
        }
        return new AnyBoxRecall(best);
    }

    /** Max IoU among the top-k predictions (all of them when k exceeds their number); 0 without any. */
    public double maxIouAtK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (bestUpToRank.length == 0) {
            return 0.0;
        }
        return bestUpToRank[Math.min(k, bestUpToRank.length) - 1];
    }

    public boolean hitAt(int k) {
        return maxIouAtK(k) >= GroundingThresholds.HIT_IOU;
    }

    /** Max IoU over every predicted box (the reference's k = -1). */
    public double maxIouOverAll() {
        return bestUpToRank.length == 0 ? 0.0 : bestUpToRank[bestUpToRank.length - 1];
    }

    /** Hit with all predicted boxes: the "upper bound" of the reference evaluator. */
    public boolean hitUpperBound() {
        return maxIouOverAll() >= GroundingThresholds.HIT_IOU;
    }
}
