package dev.groundstream.eval.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The topology's own Prometheus counters (Kafka Streams' metrics are bound separately). */
public final class EvalCounters {
  private final Counter evaluations;
  private final Counter phrases;
  private final Counter anomalous;
  private final Counter rejectedResults;
  private final Counter rejectedTruth;
  private final Counter deserializationErrors;
  private final Counter processingErrors;
  private final Counter alerts;
  private final ClosedWindowTally closedWindows;

  public EvalCounters(MeterRegistry registry) {
    evaluations = registry.counter("groundstream_eval_evaluations");
    phrases = registry.counter("groundstream_eval_phrases");
    anomalous = registry.counter("groundstream_eval_anomalous_evaluations");
    rejectedResults = registry.counter("groundstream_eval_rejected", "input", "result");
    rejectedTruth = registry.counter("groundstream_eval_rejected", "input", "truth");
    deserializationErrors = registry.counter("groundstream_eval_deserialization_errors");
    processingErrors = registry.counter("groundstream_eval_processing_errors");
    alerts = registry.counter("groundstream_eval_alerts");
    closedWindows = new ClosedWindowTally(registry);
  }

  /** Counters that go nowhere, for tests that do not look at them. */
  public static EvalCounters discarding() {
    return new EvalCounters(new SimpleMeterRegistry());
  }

  void evaluated(int phraseCount) {
    evaluations.increment();
    phrases.increment(phraseCount);
  }

  void anomalous() {
    anomalous.increment();
  }

  void rejectedResult() {
    rejectedResults.increment();
  }

  void rejectedTruth() {
    rejectedTruth.increment();
  }

  public void deserializationError() {
    deserializationErrors.increment();
  }

  public void processingError() {
    processingErrors.increment();
  }

  /** Records kept out of closed event-time windows (counted, summarised in the log now and then). */
  public ClosedWindowTally closedWindows() {
    return closedWindows;
  }

  void alertRaised() {
    alerts.increment();
  }
}
