package dev.groundstream.eval.protocol;

import java.util.List;

/**
 * What was wrong with the inputs of one evaluation. Every bad value is scored as a miss (never NaN in a
 * metric); these counts make the misses visible so the topology can count them, dead-letter the record
 * or alert. Built by {@link AnomalyTally}.
 *
 * @param invalidPredictedBoxes  predicted boxes with a non-finite or inverted corner; each kept its rank
 *                               and scored IoU 0
 * @param invalidTruthBoxes      truth boxes with a non-finite or inverted corner; dropped (a phrase left
 *                               without boxes is not evaluable)
 * @param invalidScores          top-1 scores that were NaN or infinite; reported as null
 * @param malformedHeatmaps      heatmaps whose shape does not match their values; pointing miss,
 *                               attention correctness 0
 * @param invalidHeatmapCells    NaN, infinite or negative heatmap cells; read as 0
 * @param heatmapsWithoutMass    heatmaps whose valid cells sum to 0; pointing miss, attention 0
 * @param invalidPoints          model points with a non-finite coordinate; pointing miss
 * @param missingResultPhrases   truth phrases the result has no entry for; every metric a miss
 * @param duplicateResultPhrases result entries repeating a phrase id; the first one is used
 * @param duplicateTruthPhrases  truth entries repeating a phrase id; each is evaluated
 * @param unknownResultPhraseIds result phrase ids the truth does not have; ignored by the metrics
 * @param imageSizeMismatch      result and truth disagree on the image size (heatmaps map onto the
 *                               result's size)
 * @param invalidImageSize       the result's image size is not positive; heatmaps cannot be mapped,
 *                               so heatmap pointing misses and attention correctness is 0
 */
public record EvaluationAnomalies(
        int invalidPredictedBoxes,
        int invalidTruthBoxes,
        int invalidScores,
        int malformedHeatmaps,
        int invalidHeatmapCells,
        int heatmapsWithoutMass,
        int invalidPoints,
        int missingResultPhrases,
        int duplicateResultPhrases,
        int duplicateTruthPhrases,
        List<String> unknownResultPhraseIds,
        boolean imageSizeMismatch,
        boolean invalidImageSize) {

    public EvaluationAnomalies {
        unknownResultPhraseIds = List.copyOf(unknownResultPhraseIds);
    }

    public static EvaluationAnomalies none() {
        return new AnomalyTally().toAnomalies();
    }

    /** True when no input value had to be corrected or ignored. */
    public boolean isClean() {
        return invalidPredictedBoxes == 0 && invalidTruthBoxes == 0 && invalidScores == 0
                && malformedHeatmaps == 0 && invalidHeatmapCells == 0 && heatmapsWithoutMass == 0
                && invalidPoints == 0 && missingResultPhrases == 0 && duplicateResultPhrases == 0
                && duplicateTruthPhrases == 0 && unknownResultPhraseIds.isEmpty() && !imageSizeMismatch
                && !invalidImageSize;
    }
}
