package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores one truth phrase against its prediction with every protocol of docs/architecture.md §5 and writes the
 * {@link PhraseEvaluation} record.
 *
 * <p>Evaluable, as in MDETR/GLIP flickr_eval.py: at least one (well-formed) ground-truth box and not
 * notvisual. So nobox-only and scene-only phrases without boxes are not evaluable, while a scene phrase
 * that has boxes is. A non-evaluable phrase keeps every hit false, IoU 0 and attention null; its types
 * and top-1 score are still recorded. A truth phrase the result does not mention is evaluated against
 * an empty prediction: a miss everywhere.
 */
public final class PhraseEvaluator {

    private PhraseEvaluator() {
    }

    /**
     * @param result      the result's entry for this phrase id, or null when it has none
     * @param imageWidth  width of the image the result's heatmap covers
     * @param imageHeight height of that image
     */
    public static PhraseEvaluation evaluate(PhraseResult result, PhraseTruth truth,
                                            int imageWidth, int imageHeight, AnomalyTally tally) {
        PhrasePrediction prediction;
        if (result == null) {
            tally.missingResultPhrases++;
            prediction = PhrasePrediction.none();
        } else {
            prediction = PhrasePrediction.read(result, tally);
        }
        List<PixelBox> truthBoxes = wellFormedTruthBoxes(truth, tally);
        boolean evaluable = !truthBoxes.isEmpty() && !truth.getTypes().contains(PhraseType.notvisual);

        PhraseEvaluation.Builder record = PhraseEvaluation.newBuilder()
                .setPhraseId(truth.getPhraseId())
                .setTypes(new ArrayList<>(truth.getTypes()))
                .setEvaluable(evaluable)
                .setBestIou(0f)
                .setHitAt1(false)
                .setHitAt5(false)
                .setHitAt10(false)
                .setHitUpperBound(false)
                .setMergedBoxHit(false)
                .setPointingHit(false)
                .setPointingHitTolerant(false)
                .setAttentionCorrectness(null)
                .setPrecisionAt1Iou(false)
                .setPrecisionAt1Giou(false)
                .setTop1Score(prediction.top1Score());
        if (!evaluable) {
            return record.build();
        }

        List<PixelBox> ranked = prediction.rankedBoxes();
        AnyBoxRecall recall = AnyBoxRecall.of(ranked, truthBoxes);
        Optional<PointingLocation> location = PointingLocator.locate(prediction, imageWidth, imageHeight);
        record.setBestIou((float) recall.maxIouAtK(1))
                // Hit flags come from the double IoU, not from the float stored in bestIou.
                .setHitAt1(recall.hitAt(1))
                .setHitAt5(recall.hitAt(5))
                .setHitAt10(recall.hitAt(10))
                .setHitUpperBound(recall.hitUpperBound())
                .setMergedBoxHit(MergedBoxProtocol.hit(ranked, truthBoxes))
                .setPrecisionAt1Iou(RefCocoPrecision.atOneWithIou(ranked, truthBoxes))
                .setPrecisionAt1Giou(RefCocoPrecision.atOneWithGiou(ranked, truthBoxes))
                .setPointingHit(location.map(point -> PointingGame.hit(point, truthBoxes)).orElse(false))
                .setPointingHitTolerant(location
                        .map(point -> PointingGame.hitWithTorchRayTolerance(point, truthBoxes)).orElse(false));
        if (prediction.hasHeatmap()) {
            HeatmapGrid heatmap = prediction.heatmap();
            double correctness = heatmap == null
                    ? 0.0
                    : AttentionCorrectness.of(heatmap, imageWidth, imageHeight, truthBoxes);
            record.setAttentionCorrectness((float) correctness);
        }
        return record.build();
    }

    private static List<PixelBox> wellFormedTruthBoxes(PhraseTruth truth, AnomalyTally tally) {
        List<PixelBox> boxes = new ArrayList<>(truth.getBoxes().size());
        for (Box box : truth.getBoxes()) {
            PixelBox pixelBox = PixelBox.of(box);
            if (pixelBox.isWellFormed()) {
                boxes.add(pixelBox);
            } else {
                tally.invalidTruthBoxes++;
            }
        }
        return boxes;
    }
}
