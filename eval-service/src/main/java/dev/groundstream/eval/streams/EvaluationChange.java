package dev.groundstream.eval.streams;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.Evaluation;

/**
 * What one join step changed for one (request, model): the evaluation it replaced (null when new),
 * the current one (null when the truth was deleted) and, for bad input, a dead letter saying why.
 * Carrying both old and new lets the aggregates subtract the old before adding the new. A change
 * made by a valid result also carries that result's label-free signal sketch (and is emitted for it
 * even when no truth is there yet). The current evaluation is kept with its registry-framed bytes,
 * encoded once for both the evaluations store and grounding.evaluations.
 */
public record EvaluationChange(Evaluation previous, Framed<Evaluation> framedCurrent, DeadLetter deadLetter,
    String sketchKey, SignalSketch sketch) {

  public EvaluationChange(Evaluation previous, Evaluation current, DeadLetter deadLetter) {
    this(previous, current == null ? null : new Framed<>(current, null), deadLetter, null, null);
  }

  public Evaluation current() {
    return framedCurrent == null ? null : framedCurrent.value();
  }

  public static EvaluationChange rejected(DeadLetter deadLetter) {
    return new EvaluationChange(null, null, deadLetter);
  }

  public boolean changesEvaluation() {
    return previous != null || framedCurrent != null;
  }
}
