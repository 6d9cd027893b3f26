package dev.groundstream.eval.protocol;

import java.util.ArrayList;
import java.util.List;

/** Mutable counter filled while one result is evaluated; frozen into {@link EvaluationAnomalies}. */
public final class AnomalyTally {

    int invalidPredictedBoxes;
    int invalidTruthBoxes;
    int invalidScores;
    int malformedHeatmaps;
    int invalidHeatmapCells;
    int heatmapsWithoutMass;
    int invalidPoints;
    int missingResultPhrases;
    int duplicateResultPhrases;
    int duplicateTruthPhrases;
    final List<String> unknownResultPhraseIds = new ArrayList<>();
    boolean imageSizeMismatch;
    boolean invalidImageSize;

    public EvaluationAnomalies toAnomalies() {
        return new EvaluationAnomalies(invalidPredictedBoxes, invalidTruthBoxes, invalidScores,
                malformedHeatmaps, invalidHeatmapCells, heatmapsWithoutMass, invalidPoints,
                missingResultPhrases, duplicateResultPhrases, duplicateTruthPhrases,
                unknownResultPhraseIds, imageSizeMismatch, invalidImageSize);
    }
}
