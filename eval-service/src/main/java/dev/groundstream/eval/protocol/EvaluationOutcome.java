package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Evaluation;

/** An evaluation together with what had to be corrected or ignored to compute it. */
public record EvaluationOutcome(Evaluation evaluation, EvaluationAnomalies anomalies) {
}
