package dev.groundstream.eval.streams;

/**
 * What one join step sends to the per model|dataset aggregates, in one record on one repartition
 * topic: the replaced evaluation's counts to subtract, the new evaluation's counts to add, and the
 * result's label-free {@link SignalSketch}; any of them may be absent. A result used to cost two or
 * three repartition records (a delta each for old and new, a sketch); sharing key and event time,
 * they now travel as one.
 */
public record ModelDatasetUpdate(EvaluationDelta removed, EvaluationDelta added, SignalSketch sketch) {

  public boolean hasDelta() {
    return removed != null || added != null;
  }

  /** Applies the deltas (subtract first) to the aggregate. */
  MetricAggregate applyTo(MetricAggregate aggregate) {
    if (removed != null) {
      aggregate.apply(removed);
    }
    if (added != null) {
      aggregate.apply(added);
    }
    return aggregate;
  }
}
