package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a (GroundingResult, GroundTruth) pair of one request into an {@link Evaluation}: one
 * {@link PhraseEvaluation} per truth phrase, in truth order (the truth defines what is evaluated, so
 * phrases missing from the result count as misses and result phrases unknown to the truth are reported,
 * not scored). Deterministic: the same inputs and {@code evaluatedAt} give an equal record.
 */
public final class ResultEvaluator {

    private ResultEvaluator() {
    }

    /** @throws IllegalArgumentException when result and truth belong to different requests */
    public static EvaluationOutcome evaluate(GroundingResult result, GroundTruth truth, Instant evaluatedAt) {
        if (!result.getRequestId().equals(truth.getRequestId())) {
            throw new IllegalArgumentException("result " + result.getRequestId()
                    + " and truth " + truth.getRequestId() + " are for different requests");
        }
        AnomalyTally tally = new AnomalyTally();
        tally.imageSizeMismatch = result.getImageWidth() != truth.getImageWidth()
                || result.getImageHeight() != truth.getImageHeight();
        tally.invalidImageSize = result.getImageWidth() <= 0 || result.getImageHeight() <= 0;

        Map<String, PhraseResult> resultById = new LinkedHashMap<>();
        for (PhraseResult phrase : result.getPhrases()) {
            if (resultById.putIfAbsent(phrase.getPhraseId(), phrase) != null) {
                tally.duplicateResultPhrases++;
            }
        }

        Set<String> truthIds = new HashSet<>();
        List<PhraseEvaluation> phrases = new ArrayList<>(truth.getPhrases().size());
        for (PhraseTruth phraseTruth : truth.getPhrases()) {
            if (!truthIds.add(phraseTruth.getPhraseId())) {
                tally.duplicateTruthPhrases++;
            }
            phrases.add(PhraseEvaluator.evaluate(resultById.get(phraseTruth.getPhraseId()), phraseTruth,
                    result.getImageWidth(), result.getImageHeight(), tally));
        }
        for (String resultId : resultById.keySet()) {
            if (!truthIds.contains(resultId)) {
                tally.unknownResultPhraseIds.add(resultId);
            }
        }

        Evaluation evaluation = Evaluation.newBuilder()
                .setRequestId(result.getRequestId())
                .setModel(result.getModel())
                .setDataset(truth.getDataset())
                .setEventTime(result.getRequestCreatedAt())
                .setEvaluatedAt(evaluatedAt)
                .setTruthSource(truth.getSource())
                .setPhrases(phrases)
                .build();
        return new EvaluationOutcome(evaluation, tally.toAnomalies());
    }
}
