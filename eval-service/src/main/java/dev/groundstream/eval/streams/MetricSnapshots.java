package dev.groundstream.eval.streams;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.MetricKey;
import dev.groundstream.eval.protocol.AccuracySnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/** Turns one aggregate into its grounding.metrics records: one per category ever counted there. */
public final class MetricSnapshots {
  public static final String ALL_TIME = "all-time";
  /**
   * windowEnd of the all-time aggregate: it never ends. The last millisecond of year 9999 rather
   * than Long.MAX_VALUE, because SQL timestamp columns (PostgreSQL, DuckDB) stop there and the
   * sinks store this field.
   */
  public static final Instant OPEN_END = Instant.parse("9999-12-31T23:59:59.999Z");

  private MetricSnapshots() {}

  public static List<KeyValue<MetricKey, AccuracySnapshot>> of(String modelDatasetKey, String window,
      Instant windowStart, Instant windowEnd, MetricAggregate aggregate, Instant updatedAt) {
    String[] parts = CompositeKeys.split(modelDatasetKey);
    List<KeyValue<MetricKey, AccuracySnapshot>> out = new ArrayList<>();
    for (String category : aggregate.seenCategories()) {
      AccuracySnapshot snapshot = AccuracySnapshots.of(aggregate.category(category), parts[0], parts[1],
          category, window, windowStart, windowEnd, updatedAt);
      out.add(KeyValue.pair(new MetricKey(parts[0], parts[1], category, window, windowStart), snapshot));
    }
    return out;
  }
}
