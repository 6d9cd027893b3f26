package dev.groundstream.eval.streams;

/** One measured value of one signal in one closed window, ready to be judged by an {@link AlertRule}. */
public record AlertObservation(String model, String dataset, String category, String signal,
    double value, long samples, long windowStart, long windowEnd) {

  /** The store key of the rule's state: one trailing baseline per model, dataset, category, signal. */
  public String ruleKey() {
    return String.join(String.valueOf(CompositeKeys.SEP), model, dataset, category, signal);
  }
}
