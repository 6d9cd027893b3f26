package dev.groundstream.eval.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.QualityAlert;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.streams.AlertState;
import dev.groundstream.eval.streams.CompositeKeys;
import dev.groundstream.eval.streams.Framed;
import dev.groundstream.eval.streams.MetricAggregate;
import dev.groundstream.eval.streams.MetricSnapshots;
import dev.groundstream.eval.streams.PairedTable;
import dev.groundstream.eval.streams.PairedTables;
import dev.groundstream.eval.streams.SignalSketch;
import dev.groundstream.eval.streams.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Answers every API query from this instance's own stores only; {@link ClusterQueries} combines the
 * answers of all instances. Results are JSON so that remote and local answers merge the same way.
 */
public final class LocalQueries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final StoreAccess stores;
  private final EvalConfig config;
  private final RequestImageLookup images;
  private final EvaluationBoxes boxes;

  public LocalQueries(StoreAccess stores, EvalConfig config) {
    this.stores = stores;
    this.config = config;
    this.images = new RequestImageLookup(stores, new BlobDirectory(config.blobDir()));
    this.boxes = new EvaluationBoxes(stores);
  }

  /** The request's image as a JSON envelope (see {@link RequestImageLookup}). */
  public ObjectNode requestImage(UUID requestId) {
    return images.envelope(requestId);
  }

  /** Truth and top-1 predicted boxes per phrase of one request (see {@link EvaluationBoxes}). */
  public ObjectNode evaluationBoxes(UUID requestId) {
    return boxes.of(requestId);
  }

  /**
   * Snapshots matching the query, one per (model, dataset, category, window start), each with the 95%
   * Wilson interval of its accuracies ({@link SnapshotIntervals}).
   */
  public ArrayNode metrics(MetricQuery query) {
    List<AccuracySnapshot> out = new ArrayList<>();
    Instant now = Instant.now();
    String exactKey = query.model() != null && query.dataset() != null
        ? CompositeKeys.modelDataset(query.model(), query.dataset()) : null;
    if (MetricSnapshots.ALL_TIME.equals(query.window())) {
      ReadOnlyKeyValueStore<String, MetricAggregate> store = stores.keyValueStore(StoreNames.METRICS_ALL_TIME);
      if (exactKey != null) {
        MetricAggregate aggregate = store.get(exactKey);
        if (aggregate != null) {
          add(out, exactKey, query, Instant.EPOCH, MetricSnapshots.OPEN_END, aggregate, now);
        }
      } else {
        try (KeyValueIterator<String, MetricAggregate> it = store.all()) {
          it.forEachRemaining(kv -> add(out, kv.key, query, Instant.EPOCH, MetricSnapshots.OPEN_END, kv.value, now));
        }
      }
    } else {
      String storeName = query.window().equals(config.tumblingName()) ? StoreNames.METRICS_TUMBLING
          : StoreNames.METRICS_HOPPING;
      ReadOnlyWindowStore<String, MetricAggregate> store = stores.windowStore(storeName);
      try (KeyValueIterator<Windowed<String>, MetricAggregate> it = exactKey != null
          ? store.fetch(exactKey, exactKey, Instant.ofEpochMilli(query.from()), Instant.ofEpochMilli(query.to()))
          : store.fetchAll(Instant.ofEpochMilli(query.from()), Instant.ofEpochMilli(query.to()))) {
        it.forEachRemaining(kv -> add(out, kv.key.key(), query, Instant.ofEpochMilli(kv.key.window().start()),
            Instant.ofEpochMilli(kv.key.window().end()), kv.value, now));
      }
    }
    ArrayNode json = AvroJson.toJson(out);
    SnapshotIntervals.addTo(json);
    return json;
  }

  private void add(List<AccuracySnapshot> out, String key, MetricQuery query, Instant start, Instant end,
      MetricAggregate aggregate, Instant now) {
    String[] parts = CompositeKeys.split(key);
    if ((query.model() != null && !query.model().equals(parts[0]))
        || (query.dataset() != null && !query.dataset().equals(parts[1]))) {
      return;
    }
    for (KeyValue<?, AccuracySnapshot> kv : MetricSnapshots.of(key, query.window(), start, end, aggregate, now)) {
      if (query.category() == null || query.category().equals(kv.value.getCategory())) {
        out.add(kv.value);
      }
    }
  }

  /** Every model's current evaluation of one request. */
  public ArrayNode evaluationsOf(UUID requestId) {
    ReadOnlyKeyValueStore<String, Framed<Evaluation>> store = stores.keyValueStore(StoreNames.EVALUATIONS);
    List<Evaluation> out = new ArrayList<>();
    try (KeyValueIterator<String, Framed<Evaluation>> it =
             store.prefixScan(CompositeKeys.requestPrefix(requestId), new StringSerializer())) {
      it.forEachRemaining(kv -> out.add(kv.value.value()));
    }
    return AvroJson.toJson(out);
  }

  /**
   * The n most recently computed evaluations here: the first n entries of each local partition's
   * recency index (newest first by key), looked up in the same partition's evaluations, merged.
   * O(n x partitions), not O(evaluations).
   */
  public ArrayNode latestEvaluations(int n) {
    Map<Integer, ReadOnlyKeyValueStore<String, Framed<Evaluation>>> evaluations =
        stores.keyValueStorePartitions(StoreNames.EVALUATIONS);
    List<Evaluation> newest = new ArrayList<>();
    stores.<String, String>keyValueStorePartitions(StoreNames.RECENT_EVALUATIONS).forEach((partition, recent) -> {
      try (KeyValueIterator<String, String> it = recent.all()) {
        for (int taken = 0; taken < n && it.hasNext(); taken++) {
          Framed<Evaluation> evaluation = evaluations.get(partition).get(it.next().value);
          if (evaluation != null) {
            newest.add(evaluation.value());
          }
        }
      } catch (InvalidStateStoreException notHostedHere) {
        // a partition of another sub-topology's task, or one just migrating away
      }
    });
    newest.sort(Comparator.comparing(Evaluation::getEvaluatedAt).reversed());
    return AvroJson.toJson(newest.subList(0, Math.min(n, newest.size())));
  }

  /**
   * The paired 2x2 tables of models a and b over the requests both evaluated here, per category
   * ("all" and each phrase type): {@code {"categories": {"all": {bothRight, onlyA, onlyB, bothWrong},
   * ...}}}, read from the tables the topology keeps per model pair and dataset pair
   * ({@link PairedTables}): a prefix scan over the pair's tables (one per dataset pair), not over the
   * evaluations. Both models' evaluations of a request share its partition (same RequestKey), so adding
   * the tables of all instances is exact. {@code evaluationsA} / {@code evaluationsB} count each
   * model's evaluations here (of the dataset, when given), paired or not.
   */
  public ObjectNode pairedCounts(String modelA, String modelB, String dataset, HitMetric metric) {
    ReadOnlyKeyValueStore<String, PairedTable> pairs = stores.keyValueStore(StoreNames.PAIRED_TABLES);
    boolean swapped = modelA.compareTo(modelB) > 0;
    PairedTable sum = new PairedTable();
    try (KeyValueIterator<String, PairedTable> it =
             pairs.prefixScan(PairedTables.pairPrefix(modelA, modelB), new StringSerializer())) {
      it.forEachRemaining(kv -> {
        String[] datasets = PairedTables.datasets(kv.key);
        if (dataset == null || dataset.equals(datasets[0]) && dataset.equals(datasets[1])) {
          sum.plus(kv.value);
        }
      });
    }
    ObjectNode node = NODES.objectNode();
    node.put("evaluationsA", evaluationCount(modelA, dataset));
    node.put("evaluationsB", evaluationCount(modelB, dataset));
    ObjectNode categories = node.putObject("categories");
    sum.tables(metric, swapped).forEach((category, counts) -> {
      ObjectNode cells = categories.putObject(category);
      cells.put("bothRight", counts.bothRight());
      cells.put("onlyA", counts.onlyA());
      cells.put("onlyB", counts.onlyB());
      cells.put("bothWrong", counts.bothWrong());
    });
    return node;
  }

  private long evaluationCount(String model, String dataset) {
    // A scan, not get: over several local partitions, get answers one partition's count, not their sum.
    ReadOnlyKeyValueStore<String, Long> counts = stores.keyValueStore(StoreNames.EVALUATION_COUNTS);
    String exact = dataset == null ? null : CompositeKeys.modelDataset(model, dataset);
    long total = 0;
    try (KeyValueIterator<String, Long> it = counts.prefixScan(exact != null ? exact : PairedTables.countPrefix(model),
        new StringSerializer())) {
      while (it.hasNext()) {
        KeyValue<String, Long> kv = it.next();
        total += exact == null || exact.equals(kv.key) ? kv.value : 0;
      }
    }
    return total;
  }

  /** Label-free signals per model, dataset, category and tumbling window. */
  public ArrayNode signals(String model, String dataset, String category, long from, long to) {
    ReadOnlyWindowStore<String, SignalSketch> store = stores.windowStore(StoreNames.SIGNALS_TUMBLING);
    ArrayNode out = NODES.arrayNode();
    try (KeyValueIterator<Windowed<String>, SignalSketch> it =
             store.fetchAll(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
      it.forEachRemaining(kv -> {
        String[] parts = CompositeKeys.split(kv.key.key());
        if ((model != null && !model.equals(parts[0])) || (dataset != null && !dataset.equals(parts[1]))) {
          return;
        }
        SignalSketch sketch = kv.value;
        sketch.categories().forEach((name, signals) -> {
          if (category != null && !category.equals(name)) {
            return;
          }
          ObjectNode node = out.addObject();
          node.put("model", parts[0]);
          node.put("dataset", parts[1]);
          node.put("category", name);
          node.put("window", config.tumblingName());
          node.put("windowStart", kv.key.window().start());
          node.put("windowEnd", kv.key.window().end());
          node.put("phrases", signals.phrases());
          node.set("top1ScoreP50", AvroJson.number(signals.top1ScoreQuantile(0.5)));
          node.set("top1ScoreP90", AvroJson.number(signals.top1ScoreQuantile(0.9)));
          node.put("noBoxShare", signals.noBoxShare());
          if ("all".equals(name)) {
            node.put("results", sketch.results());
            node.set("latencyP50Ms", AvroJson.number(sketch.latencyQuantileMs(0.5)));
            node.set("latencyP90Ms", AvroJson.number(sketch.latencyQuantileMs(0.9)));
            node.set("latencyP99Ms", AvroJson.number(sketch.latencyQuantileMs(0.99)));
          }
        });
      });
    }
    return out;
  }

  /** The last alert of every rule here, newest first. */
  public ArrayNode alerts(int n) {
    List<QualityAlert> alerts = new ArrayList<>();
    for (String name : List.of(StoreNames.ACCURACY_ALERT_STATE, StoreNames.SIGNAL_ALERT_STATE)) {
      ReadOnlyKeyValueStore<String, AlertState> store = stores.keyValueStore(name);
      try (KeyValueIterator<String, AlertState> it = store.all()) {
        it.forEachRemaining(kv -> {
          if (kv.value.lastAlert() != null) {
            alerts.add(kv.value.lastAlert());
          }
        });
      }
    }
    alerts.sort(Comparator.comparing(QualityAlert::getRaisedAt).reversed());
    return AvroJson.toJson(alerts.subList(0, Math.min(n, alerts.size())));
  }
}
