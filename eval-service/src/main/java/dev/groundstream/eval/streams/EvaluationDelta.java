package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;

/** One signed contribution to the aggregates: +1 adds an evaluation, -1 takes a replaced one out. */
public record EvaluationDelta(int sign, Evaluation evaluation) {
  public EvaluationDelta {
    if (sign != 1 && sign != -1) {
      throw new IllegalArgumentException("sign must be +1 or -1");
    }
  }
}
