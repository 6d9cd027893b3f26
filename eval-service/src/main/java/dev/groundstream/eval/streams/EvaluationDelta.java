package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.eval.protocol.CategoryAccumulator;

/**
 * One signed contribution to the aggregates: +1 adds an evaluation's per-category counts, -1 takes a
 * replaced evaluation's counts out. Carries the counts, not the evaluation, because every aggregate
 * window only needs the counts and they are far smaller on the repartition topic.
 */
public record EvaluationDelta(int sign, CategoryAccumulator counts) {
  public EvaluationDelta {
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("sign must be +1 or -1");
    }
  }

  static EvaluationDelta of(int sign, Evaluation evaluation) {
    return new EvaluationDelta(sign, CategoryAccumulator.of(evaluation));
  }
}
