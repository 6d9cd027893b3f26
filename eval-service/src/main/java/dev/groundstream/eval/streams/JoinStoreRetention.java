package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.eval.config.JoinRetention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Drops results (and their evaluations and recency entries) from the join stores once they are
 * older than their model's {@link JoinRetention}: a wall-clock punctuation compares each result's
 * {@code producedAt} with the current time. Truth is never dropped, so a replay of old requests is
 * evaluated again and its new results stay for the retention from the replay. Nothing is emitted:
 * aggregates and grounding.evaluations keep what was counted; only the per-request state goes.
 */
final class JoinStoreRetention {
  private final JoinRetention retention;
  private final KeyValueStore<String, Framed<GroundingResult>> results;
  private final KeyValueStore<String, Framed<Evaluation>> evaluations;
  private final KeyValueStore<String, String> recent;
  private final PairedTables paired;

  private JoinStoreRetention(JoinRetention retention, KeyValueStore<String, Framed<GroundingResult>> results,
      KeyValueStore<String, Framed<Evaluation>> evaluations, KeyValueStore<String, String> recent, PairedTables paired) {
    this.retention = retention;
    this.results = results;
    this.evaluations = evaluations;
    this.recent = recent;
    this.paired = paired;
  }

  /** Schedules the sweep on {@code context} unless the retention keeps everything. */
  static void schedule(ProcessorContext<?, ?> context, JoinRetention retention,
      KeyValueStore<String, Framed<GroundingResult>> results, KeyValueStore<String, Framed<Evaluation>> evaluations,
      KeyValueStore<String, String> recent, PairedTables paired) {
    if (retention.keepsEverything()) {
      return;
    }
    JoinStoreRetention sweeper = new JoinStoreRetention(retention, results, evaluations, recent, paired);
    context.schedule(retention.sweepInterval(), PunctuationType.WALL_CLOCK_TIME, sweeper::sweep);
  }

  /** Removes every expired entry as of {@code nowMs}; returns how many results were dropped. */
  int sweep(long nowMs) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Framed<GroundingResult>> it = results.all()) {
      while (it.hasNext()) {
        KeyValue<String, Framed<GroundingResult>> entry = it.next();
        GroundingResult result = entry.value.value();
        Optional<Duration> keep = retention.of(CompositeKeys.modelId(result.getModel()));
        if (keep.isPresent() && result.getProducedAt().toEpochMilli() + keep.get().toMillis() <= nowMs) {
          expired.add(entry.key);
        }
      }
    }
    for (String key : expired) {
      results.delete(key);
      Framed<Evaluation> evaluation = evaluations.delete(key);
      if (evaluation != null) {
        recent.delete(RecencyKeys.of(evaluation.value(), key));
        forgetPairs(key, evaluation.value());
      }
    }
    return expired.size();
  }

  /** The paired tables count only current evaluations: the dropped one leaves its pairs. */
  private void forgetPairs(String key, Evaluation evaluation) {
    String[] parts = CompositeKeys.split(key);
    java.util.Map<String, Evaluation> others = new java.util.LinkedHashMap<>();
    try (KeyValueIterator<String, Framed<Evaluation>> it =
             evaluations.prefixScan(parts[0] + CompositeKeys.SEP, new org.apache.kafka.common.serialization.StringSerializer())) {
      it.forEachRemaining(kv -> others.put(CompositeKeys.split(kv.key)[1], kv.value.value()));
    }
    paired.changed(parts[1], evaluation, null, others);
  }
}
