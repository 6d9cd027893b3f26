package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, per partition, what GET /api/compare answers without scanning the evaluations: a
 * {@link PairedTable} per (model A, model B, A's dataset, B's dataset) with A < B, and a count of
 * evaluations per (model, dataset). Both models' evaluations of a request share its partition, so
 * updating on each evaluation change against the request's other models' current evaluations is exact.
 * Keys: {@code A SEP B SEP datasetA SEP datasetB} and {@code model SEP dataset} ({@link CompositeKeys#SEP}).
 */
public final class PairedTables {
  /** Marks a partition whose tables cover its evaluations (written once, after a rebuild). */
  static final String BUILT = "";
  private static final String SEP = String.valueOf(CompositeKeys.SEP);
  private final KeyValueStore<String, PairedTable> pairs;
  private final KeyValueStore<String, Long> counts;
  private boolean built;

  public PairedTables(KeyValueStore<String, PairedTable> pairs, KeyValueStore<String, Long> counts) {
    this.pairs = pairs;
    this.counts = counts;
  }

  /** Prefix of every table of the unordered pair (a, b); {@code swapped} when b sorts first. */
  public static String pairPrefix(String modelA, String modelB) {
    return modelA.compareTo(modelB) < 0 ? modelA + SEP + modelB + SEP : modelB + SEP + modelA + SEP;
  }

  /** The two datasets (A's, B's) of a table key. */
  public static String[] datasets(String pairKey) {
    String[] parts = pairKey.split(SEP, -1);
    return new String[] {parts[2], parts[3]};
  }

  public static String countPrefix(String model) {
    return model + SEP;
  }

  /**
   * The evaluation of {@code model} for one request went from {@code previous} to {@code current}
   * (either may be null); {@code others} are the request's other models' current evaluations.
   */
  void changed(String model, Evaluation previous, Evaluation current, Map<String, Evaluation> others) {
    for (Map.Entry<String, Evaluation> other : others.entrySet()) {
      String otherModel = other.getKey();
      Evaluation otherEvaluation = other.getValue();
      String oldKey = previous == null ? null : pairKey(model, previous, otherModel, otherEvaluation);
      String newKey = current == null ? null : pairKey(model, current, otherModel, otherEvaluation);
      if (oldKey != null && oldKey.equals(newKey)) {
        PairedTable table = orEmpty(pairs.get(oldKey));
        apply(table, model, previous, otherModel, otherEvaluation, -1);
        apply(table, model, current, otherModel, otherEvaluation, +1);
        store(oldKey, table);
        continue;
      }
      if (oldKey != null) {
        store(oldKey, apply(orEmpty(pairs.get(oldKey)), model, previous, otherModel, otherEvaluation, -1));
      }
      if (newKey != null) {
        store(newKey, apply(orEmpty(pairs.get(newKey)), model, current, otherModel, otherEvaluation, +1));
      }
    }
    String oldCount = previous == null ? null : CompositeKeys.modelDataset(model, previous.getDataset());
    String newCount = current == null ? null : CompositeKeys.modelDataset(model, current.getDataset());
    if (oldCount != null && !oldCount.equals(newCount)) {
      count(oldCount, -1);
    }
    if (newCount != null && !newCount.equals(oldCount)) {
      count(newCount, +1);
    }
  }

  /**
   * Builds the tables from the partition's evaluations once (state written before the tables
   * existed); afterwards a no-op. Keys are sorted by request, so one request is in memory at a time.
   */
  public void rebuildIfNeeded(KeyValueStore<String, Framed<Evaluation>> evaluations) {
    if (built) {
      return;
    }
    if (counts.get(BUILT) == null) {
      String request = null;
      List<KeyValue<String, Evaluation>> ofRequest = new ArrayList<>();
      try (KeyValueIterator<String, Framed<Evaluation>> it = evaluations.all()) {
        while (it.hasNext()) {
          KeyValue<String, Framed<Evaluation>> framed = it.next();
          KeyValue<String, Evaluation> kv = KeyValue.pair(framed.key, framed.value.value());
          String[] parts = CompositeKeys.split(kv.key);
          if (!parts[0].equals(request)) {
            ofRequest.clear();
            request = parts[0];
          }
          Map<String, Evaluation> others = new java.util.LinkedHashMap<>();
          ofRequest.forEach(seen -> others.put(CompositeKeys.split(seen.key)[1], seen.value));
          changed(parts[1], null, kv.value, others);
          ofRequest.add(kv);
        }
      }
      counts.put(BUILT, 1L);
    }
    built = true;
  }

  private static String pairKey(String model, Evaluation evaluation, String otherModel, Evaluation other) {
    return model.compareTo(otherModel) < 0
        ? model + SEP + otherModel + SEP + evaluation.getDataset() + SEP + other.getDataset()
        : otherModel + SEP + model + SEP + other.getDataset() + SEP + evaluation.getDataset();
  }

  private static PairedTable apply(PairedTable table, String model, Evaluation evaluation, String otherModel,
      Evaluation other, int sign) {
    return model.compareTo(otherModel) < 0 ? table.change(evaluation, other, sign) : table.change(other, evaluation, sign);
  }

  private static PairedTable orEmpty(PairedTable table) {
    return table == null ? new PairedTable() : table;
  }

  private void store(String key, PairedTable table) {
    if (table.isEmpty()) {
      pairs.delete(key);
    } else {
      pairs.put(key, table);
    }
  }

  private void count(String key, long delta) {
    Long now = counts.get(key);
    long next = (now == null ? 0 : now) + delta;
    if (next <= 0) {
      counts.delete(key);
    } else {
      counts.put(key, next);
    }
  }
}
