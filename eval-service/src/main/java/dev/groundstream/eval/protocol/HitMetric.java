package dev.groundstream.eval.protocol;

import dev.groundstream.avro.PhraseEvaluation;
import java.util.function.Predicate;

/** The per-phrase correct/incorrect outcomes of an evaluation, for counting and paired comparisons. */
public enum HitMetric {
    RECALL_AT_1(PhraseEvaluation::getHitAt1),
    RECALL_AT_5(PhraseEvaluation::getHitAt5),
    RECALL_AT_10(PhraseEvaluation::getHitAt10),
    RECALL_UPPER_BOUND(PhraseEvaluation::getHitUpperBound),
    MERGED_BOX(PhraseEvaluation::getMergedBoxHit),
    POINTING(PhraseEvaluation::getPointingHit),
    POINTING_TORCHRAY_TOLERANCE(PhraseEvaluation::getPointingHitTolerant),
    REFCOCO_PRECISION_AT_1_IOU(PhraseEvaluation::getPrecisionAt1Iou),
    REFCOCO_PRECISION_AT_1_GIOU(PhraseEvaluation::getPrecisionAt1Giou);

    private final Predicate<PhraseEvaluation> outcome;

    HitMetric(Predicate<PhraseEvaluation> outcome) {
        this.outcome = outcome;
    }

    /** Whether the phrase was correct under this metric; false for a phrase that is not evaluable. */
    public boolean isHit(PhraseEvaluation phrase) {
        return phrase.getEvaluable() && outcome.test(phrase);
    }
}
