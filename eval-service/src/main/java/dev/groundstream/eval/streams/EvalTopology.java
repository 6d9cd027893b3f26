package dev.groundstream.eval.streams;

import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.protocol.CategoryCounts;
import dev.groundstream.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The eval-service topology:
 * <ol>
 *   <li>results + truth (co-partitioned by RequestKey) -> {@link ResultTruthJoinProcessor} -> one
 *       Evaluation per (request, model) on grounding.evaluations; bad input -> grounding.dlq.</li>
 *   <li>each change -> signed deltas (-old, +new) re-keyed by model|dataset, stamped with event time ->
 *       all-time, tumbling and hopping aggregates (queryable) -> grounding.metrics.</li>
 *   <li>results -> label-free {@link SignalSketch} per model|dataset in tumbling windows (queryable).</li>
 *   <li>closed tumbling windows (suppressed until close) -> {@link AlertProcessor} -> grounding.alerts.</li>
 * </ol>
 */
public final class EvalTopology {
  public static final String RECALL_AT_1 = "recallAt1";
  public static final String TOP1_SCORE_P50 = "top1ScoreP50";

  private final EvalConfig config;
  private final EvalSerdes serdes;
  private final EvalCounters counters;

  public EvalTopology(EvalConfig config, EvalSerdes serdes, EvalCounters counters) {
    this.config = config;
    this.serdes = serdes;
    this.counters = counters;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    // The join stores keep results and truth in the bytes they arrived in (no second encode).
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.RESULTS),
        Serdes.String(), FramedSerde.forStore(serdes.result(), GroundingResult.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.TRUTH),
        Serdes.String(), FramedSerde.forStore(serdes.truth(), GroundTruth.class)));
    // Registry-framed like grounding.evaluations: encoded once for both (older plain-Avro values still read).
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EVALUATIONS),
        Serdes.String(), FramedSerde.forStore(serdes.evaluation(), Evaluation.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.RECENT_EVALUATIONS),
        Serdes.String(), Serdes.String()));
    // Cached: the count of a hot (model, dataset) and a hot pair's table change with every evaluation.
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PAIRED_TABLES),
        Serdes.String(), new PairedTableSerde()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EVALUATION_COUNTS),
        Serdes.String(), Serdes.Long()).withCachingEnabled());
    for (String alertStore : List.of(StoreNames.ACCURACY_ALERT_STATE, StoreNames.SIGNAL_ALERT_STATE)) {
      builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(alertStore),
          Serdes.String(), new AlertStateSerde()));
    }

    KStream<RequestKey, Framed<GroundingResult>> results = builder.stream(Topics.RESULTS,
        Consumed.with(serdes.requestKey(), FramedSerde.forSource(serdes.result()))
            .withTimestampExtractor(new ResultEventTimeExtractor()).withName("results-source"));
    KStream<RequestKey, Framed<GroundTruth>> truth = builder.stream(Topics.TRUTH,
        Consumed.with(serdes.requestKey(), FramedSerde.forSource(serdes.truth())).withName("truth-source"));

    KStream<EvaluationKey, EvaluationChange> changes = results.mapValues(v -> (Object) v, Named.as("results-as-input"))
        .merge(truth.mapValues(v -> (Object) v, Named.as("truth-as-input")), Named.as("join-input"))
        .process(() -> new ResultTruthJoinProcessor(counters, config.joinRetention(),
            config.noBoxScoreThreshold(), serdes.evaluation().serializer()), Named.as("result-truth-join"),
            StoreNames.RESULTS, StoreNames.TRUTH, StoreNames.EVALUATIONS, StoreNames.RECENT_EVALUATIONS,
            StoreNames.PAIRED_TABLES, StoreNames.EVALUATION_COUNTS);

    changes.filter((key, change) -> change.changesEvaluation(), Named.as("evaluation-changes"))
        .mapValues(EvaluationChange::framedCurrent, Named.as("current-evaluation"))
        .to(Topics.EVALUATIONS, Produced.with(serdes.evaluationKey(), FramedSerde.forSource(serdes.evaluation()))
            .withName("evaluations-sink"));
    changes.filter((key, change) -> change.deadLetter() != null, Named.as("join-dead-letters"))
        .map((key, change) -> KeyValue.pair(deadLetterKey(key, change.deadLetter()), change.deadLetter()),
            Named.as("to-dead-letter"))
        .processValues(FailedAtTimestamp::new, Named.as("dead-letter-time"))
        .to(Topics.DLQ, Produced.with(serdes.deadLetterKey(), serdes.deadLetter()).withName("dlq-sink"));

    // One repartition for the aggregates and the signals: one record per result (ModelDatasetUpdate).
    KStream<String, ModelDatasetUpdate> updates = changes
        .process(UpdateSplitter::new, Named.as("model-dataset-updates"))
        .repartition(Repartitioned.with(Serdes.String(), new ModelDatasetUpdateSerde())
            .withName("updates-by-model-dataset"));
    buildAggregates(updates.filter((key, update) -> update.hasDelta(), Named.as("with-deltas")));
    buildSignals(updates.filter((key, update) -> update.sketch() != null, Named.as("with-signals"))
        .mapValues(ModelDatasetUpdate::sketch, Named.as("signal-sketches")));
    buildRequestImages(builder);
    return builder.build();
  }

  /**
   * grounding.requests -> the image reference of each request in a window store whose retention is
   * image-retention: bounded by time, so replayed history does not grow it without limit.
   */
  private void buildRequestImages(StreamsBuilder builder) {
    builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(StoreNames.REQUEST_IMAGES,
        config.imageRetention(), RequestImageProcessor.WINDOW_SIZE, false),
        Serdes.String(), new InternalAvroSerde<>(ImageRef.class)));
    builder.stream(Topics.REQUESTS, Consumed.with(serdes.requestKey(), serdes.request()).withName("requests-source"))
        .process(RequestImageProcessor::new, Named.as("request-images"), StoreNames.REQUEST_IMAGES);
  }

  /** The original record key (the request's), serialized as it was on its source topic. */
  private DeadLetterKey deadLetterKey(EvaluationKey key, dev.groundstream.avro.DeadLetter letter) {
    if (key.getRequestId() == null) {
      return new DeadLetterKey(null);
    }
    String topic = letter.getSourceTopic() == null ? Topics.RESULTS : letter.getSourceTopic();
    return new DeadLetterKey(java.nio.ByteBuffer.wrap(
        serdes.requestKey().serializer().serialize(topic, new RequestKey(key.getRequestId()))));
  }

  private void buildAggregates(KStream<String, ModelDatasetUpdate> byModelDataset) {
    Grouped<String, ModelDatasetUpdate> grouped = Grouped.with(Serdes.String(), new ModelDatasetUpdateSerde());
    KGroupedStream<String, ModelDatasetUpdate> deltas = byModelDataset.groupByKey(grouped);
    MetricAggregateSerde aggregateSerde = new MetricAggregateSerde();

    KTable<String, MetricAggregate> allTime = deltas.aggregate(MetricAggregate::new, EvalTopology::apply,
        Named.as("aggregate-all-time"),
        Materialized.<String, MetricAggregate, KeyValueStore<Bytes, byte[]>>as(StoreNames.METRICS_ALL_TIME)
            .withKeySerde(Serdes.String()).withValueSerde(aggregateSerde));
    allTime.toStream(Named.as("all-time-changes"))
        .flatMap((key, aggregate) -> MetricSnapshots.of(key, MetricSnapshots.ALL_TIME, Instant.EPOCH,
            MetricSnapshots.OPEN_END, aggregate, Instant.now()), Named.as("all-time-snapshots"))
        .to(Topics.METRICS, Produced.with(serdes.metricKey(), serdes.snapshot()).withName("metrics-all-time-sink"));

    KTable<Windowed<String>, MetricAggregate> tumbling = openWindowsOnly(byModelDataset, config.tumblingName(),
            config.tumblingWindow(), config.tumblingWindow(), "tumbling-open-windows")
        .groupByKey(grouped)
        .windowedBy(TimeWindows.ofSizeAndGrace(config.tumblingWindow(), config.grace()))
        .aggregate(MetricAggregate::new, EvalTopology::apply, Named.as("aggregate-tumbling"),
            Materialized.<String, MetricAggregate, WindowStore<Bytes, byte[]>>as(StoreNames.METRICS_TUMBLING)
                .withKeySerde(Serdes.String()).withValueSerde(aggregateSerde)
                .withRetention(config.windowRetention()));
    writeWindowed(tumbling, config.tumblingName(), "tumbling");

    KTable<Windowed<String>, MetricAggregate> hopping = openWindowsOnly(byModelDataset, config.hoppingName(),
            config.hoppingWindow(), config.hoppingAdvance(), "hopping-open-windows")
        .groupByKey(grouped)
        .windowedBy(TimeWindows.ofSizeAndGrace(config.hoppingWindow(), config.grace())
            .advanceBy(config.hoppingAdvance()))
        .aggregate(MetricAggregate::new, EvalTopology::apply, Named.as("aggregate-hopping"),
            Materialized.<String, MetricAggregate, WindowStore<Bytes, byte[]>>as(StoreNames.METRICS_HOPPING)
                .withKeySerde(Serdes.String()).withValueSerde(aggregateSerde)
                .withRetention(config.windowRetention()));
    writeWindowed(hopping, config.hoppingName(), "hopping");

    buildAccuracyAlerts(tumbling);
  }

  /** The records that still have an open window of this size and advance (see {@link ClosedWindowFilter}). */
  private <V> KStream<String, V> openWindowsOnly(KStream<String, V> stream, String windowName, Duration size,
      Duration advance, String name) {
    return stream.processValues(() -> new ClosedWindowFilter<String, V>(windowName, size, advance, config.grace(),
        counters.closedWindows()), Named.as(name));
  }

  /** Accuracy alerts on closed tumbling windows. */
  private void buildAccuracyAlerts(KTable<Windowed<String>, MetricAggregate> tumbling) {
    Map<String, AlertRule> rules = Map.of(RECALL_AT_1, new AlertRule(RECALL_AT_1, config.recallFloor(),
        config.recallMargin(), config.alertMinSamples(), config.alertMinBaselineWindows()));
    tumbling.suppress(Suppressed.<Windowed<String>>untilWindowCloses(Suppressed.BufferConfig.unbounded())
            .withName("closed-tumbling-accuracy"))
        .toStream(Named.as("closed-accuracy-windows"))
        .process(() -> new AlertProcessor<MetricAggregate>(StoreNames.ACCURACY_ALERT_STATE, rules,
            config.baselineAlpha(), EvalTopology::accuracyObservations, counters),
            Named.as("accuracy-alerts"), StoreNames.ACCURACY_ALERT_STATE)
        .to(Topics.ALERTS, Produced.with(serdes.modelKey(), serdes.alert()).withName("accuracy-alerts-sink"));
  }

  private void buildSignals(KStream<String, SignalSketch> sketches) {
    KTable<Windowed<String>, SignalSketch> signals = sketches
        .processValues(() -> new ClosedWindowFilter<String, SignalSketch>("signals-" + config.tumblingName(),
            config.tumblingWindow(), config.tumblingWindow(), config.grace(), counters.closedWindows()),
            Named.as("signals-open-windows"))
        .groupByKey(Grouped.with(Serdes.String(), new SignalSketchSerde()))
        .windowedBy(TimeWindows.ofSizeAndGrace(config.tumblingWindow(), config.grace()))
        .reduce(SignalSketch::merge, Named.as("signals-tumbling"),
            Materialized.<String, SignalSketch, WindowStore<Bytes, byte[]>>as(StoreNames.SIGNALS_TUMBLING)
                .withKeySerde(Serdes.String()).withValueSerde(new SignalSketchSerde())
                .withRetention(config.windowRetention()));

    Map<String, AlertRule> rules = Map.of(TOP1_SCORE_P50, new AlertRule(TOP1_SCORE_P50, config.scoreFloor(),
        config.scoreMargin(), config.alertMinSamples(), config.alertMinBaselineWindows()));
    signals.suppress(Suppressed.<Windowed<String>>untilWindowCloses(Suppressed.BufferConfig.unbounded())
            .withName("closed-tumbling-signals"))
        .toStream(Named.as("closed-signal-windows"))
        .process(() -> new AlertProcessor<SignalSketch>(StoreNames.SIGNAL_ALERT_STATE, rules,
            config.baselineAlpha(), EvalTopology::signalObservations, counters),
            Named.as("signal-alerts"), StoreNames.SIGNAL_ALERT_STATE)
        .to(Topics.ALERTS, Produced.with(serdes.modelKey(), serdes.alert()).withName("signal-alerts-sink"));
  }

  private void writeWindowed(KTable<Windowed<String>, MetricAggregate> table, String windowName, String prefix) {
    table.toStream(Named.as(prefix + "-changes"))
        .filter((key, aggregate) -> aggregate != null, Named.as(prefix + "-present"))
        .flatMap((key, aggregate) -> MetricSnapshots.of(key.key(), windowName,
            Instant.ofEpochMilli(key.window().start()), Instant.ofEpochMilli(key.window().end()), aggregate,
            Instant.now()), Named.as(prefix + "-snapshots"))
        .to(Topics.METRICS, Produced.with(serdes.metricKey(), serdes.snapshot()).withName("metrics-" + prefix + "-sink"));
  }

  private static MetricAggregate apply(String key, ModelDatasetUpdate update, MetricAggregate aggregate) {
    return update.applyTo(aggregate);
  }

  static List<AlertObservation> accuracyObservations(Windowed<String> key, MetricAggregate aggregate) {
    String[] parts = CompositeKeys.split(key.key());
    List<AlertObservation> out = new ArrayList<>();
    for (String category : aggregate.seenCategories()) {
      CategoryCounts counts = aggregate.category(category);
      out.add(new AlertObservation(parts[0], parts[1], category, RECALL_AT_1, counts.recallAt1(),
          counts.evaluablePhrases(), key.window().start(), key.window().end()));
    }
    return out;
  }

  static List<AlertObservation> signalObservations(Windowed<String> key, SignalSketch sketch) {
    String[] parts = CompositeKeys.split(key.key());
    List<AlertObservation> out = new ArrayList<>();
    sketch.categories().forEach((category, signals) -> out.add(new AlertObservation(parts[0], parts[1], category,
        TOP1_SCORE_P50, signals.top1ScoreQuantile(0.5), signals.top1Scores.count(),
        key.window().start(), key.window().end())));
    return out;
  }
}
