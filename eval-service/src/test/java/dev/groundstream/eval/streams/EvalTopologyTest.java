package dev.groundstream.eval.streams;

import static dev.groundstream.eval.testing.EvalRecords.MISS;
import static dev.groundstream.eval.testing.EvalRecords.T0;
import static dev.groundstream.eval.testing.EvalRecords.TARGET;
import static dev.groundstream.eval.testing.EvalRecords.id;
import static dev.groundstream.eval.testing.EvalRecords.model;
import static dev.groundstream.eval.testing.EvalRecords.predicted;
import static dev.groundstream.eval.testing.EvalRecords.result;
import static dev.groundstream.eval.testing.EvalRecords.truth;
import static dev.groundstream.eval.testing.EvalRecords.truthPhrase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.MetricKey;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.protocol.CategoryCounts;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.query.LocalQueries;
import dev.groundstream.eval.query.MetricQuery;
import dev.groundstream.eval.testing.EvalRecords;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafka.class)
class EvalTopologyTest {
  private static final ModelRef MODEL = model("ranker", "1.0.0");
  private static final String MODEL_ID = "ranker:1.0.0";
  private static final String KEY = CompositeKeys.modelDataset(MODEL_ID, EvalRecords.DATASET);
  private static RegistryConnection registry;

  @TempDir
  Path stateDir;
  private TopologyHarness harness;

  @BeforeAll
  static void startRegistry() {
    registry = SharedKafka.registry();
  }

  @BeforeEach
  void start() {
    harness = new TopologyHarness(TopologyHarness.config(registry, stateDir));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void resultThenTruthGivesTheEvaluation() {
    UUID request = id("result-then-truth");
    harness.result(result(request, MODEL, T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
    assertTrue(harness.evaluations.isEmpty(), "no truth yet, nothing to evaluate");

    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));

    var record = harness.evaluations.readKeyValue();
    assertEquals(request, record.key.getRequestId());
    assertEquals(MODEL_ID, record.key.getModel());
    assertTrue(record.value.getPhrases().get(0).getHitAt1());
    assertEquals(T0, record.value.getEventTime());
    assertTrue(harness.evaluations.isEmpty());
  }

  @Test
  void truthThenResultGivesTheEvaluation() {
    UUID request = id("truth-then-result");
    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));
    assertTrue(harness.evaluations.isEmpty());

    harness.result(result(request, MODEL, T0, 20, predicted("p0", MISS, 0.9f, PhraseType.people)));

    Evaluation evaluation = harness.evaluations.readValue();
    assertFalse(evaluation.getPhrases().get(0).getHitAt1());
    assertTrue(evaluation.getPhrases().get(0).getEvaluable());
  }

  @Test
  void everyModelOfARequestIsEvaluatedAgainstLateTruth() {
    UUID request = id("two-models");
    harness.result(result(request, MODEL, T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
    harness.result(result(request, model("ranker", "2.0.0"), T0, 20, predicted("p0", MISS, 0.9f, PhraseType.people)));
    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));

    Map<String, Evaluation> byModel = new java.util.TreeMap<>();
    harness.evaluations.readKeyValuesToList().forEach(kv -> byModel.put(kv.key.getModel(), kv.value));
    assertEquals(2, byModel.size());
    assertTrue(byModel.get("ranker:1.0.0").getPhrases().get(0).getHitAt1());
    assertFalse(byModel.get("ranker:2.0.0").getPhrases().get(0).getHitAt1());
  }

  @Test
  void truthUpdateReEvaluatesAndAggregatesSubtractTheOld() {
    UUID first = id("update-1");
    UUID second = id("update-2");
    harness.result(result(first, MODEL, T0, 20,
        predicted("p0", TARGET, 0.9f, PhraseType.people), predicted("p1", TARGET, 0.8f, PhraseType.clothing)));
    harness.result(result(second, MODEL, T0.plusSeconds(5), 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
    harness.truth(truth(first, truthPhrase("p0", PhraseType.people, TARGET),
        truthPhrase("p1", PhraseType.clothing, TARGET)));
    harness.truth(truth(second, truthPhrase("p0", PhraseType.people, TARGET)));

    CategoryCounts before = allTime().category("all");
    assertEquals(3, before.evaluablePhrases());
    assertEquals(3, before.hits(HitMetric.RECALL_AT_1));
    assertEquals(2, allTime().category("people").evaluablePhrases());

    // Human relabel of the first request: p0 is now elsewhere (a miss) and typed "animals".
    harness.truth(truth(first, truthPhrase("p0", PhraseType.animals, MISS),
        truthPhrase("p1", PhraseType.clothing, TARGET)));

    List<KeyValue<dev.groundstream.avro.EvaluationKey, Evaluation>> evaluations =
        harness.evaluations.readKeyValuesToList();
    Evaluation latest = evaluations.get(evaluations.size() - 1).value;
    assertEquals(first, latest.getRequestId());
    assertFalse(latest.getPhrases().get(0).getHitAt1(), "re-evaluated against the new truth");

    MetricAggregate after = allTime();
    assertEquals(3, after.category("all").evaluablePhrases());
    assertEquals(2, after.category("all").hits(HitMetric.RECALL_AT_1));
    assertEquals(1, after.category("people").evaluablePhrases());
    assertEquals(1, after.category("people").hits(HitMetric.RECALL_AT_1));
    assertEquals(1, after.category("animals").evaluablePhrases());
    assertEquals(0, after.category("animals").hits(HitMetric.RECALL_AT_1));
    assertEquals(1, after.category("clothing").hits(HitMetric.RECALL_AT_1));

    // The tumbling window holding both requests agrees, and the metrics topic's latest snapshots too.
    WindowStore<String, ValueAndTimestamp<MetricAggregate>> tumbling =
        harness.driver.getTimestampedWindowStore(StoreNames.METRICS_TUMBLING);
    MetricAggregate window = tumbling.fetch(KEY, T0.toEpochMilli()).value();
    assertEquals(after.category("all"), window.category("all"));

    Map<MetricKey, AccuracySnapshot> latestSnapshots = harness.metrics.readKeyValuesToMap();
    AccuracySnapshot allTimeAll = latestSnapshots.get(new MetricKey(MODEL_ID, EvalRecords.DATASET, "all",
        "all-time", Instant.EPOCH));
    assertEquals(3, allTimeAll.getEvaluablePhrases());
    assertEquals(2, allTimeAll.getHitsAt1());
    assertEquals(2.0 / 3, allTimeAll.getRecallAt1(), 1e-12);
    AccuracySnapshot people = latestSnapshots.get(new MetricKey(MODEL_ID, EvalRecords.DATASET, "people",
        "all-time", Instant.EPOCH));
    assertEquals(1, people.getEvaluablePhrases());
  }

  @Test
  void deletedTruthRetractsTheEvaluation() {
    UUID request = id("retract");
    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));
    harness.result(result(request, MODEL, T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
    harness.truth.pipeInput(new dev.groundstream.avro.RequestKey(request), null);

    var records = harness.evaluations.readKeyValuesToList();
    assertEquals(2, records.size());
    assertNull(records.get(1).value, "a tombstone on the compacted evaluations topic");
    assertEquals(0, allTime().category("all").evaluablePhrases());
  }

  @Test
  void latestEvaluationsComeFromTheRecencyIndexNewestFirstWithoutStaleEntries() {
    LocalQueries queries = new LocalQueries(new DriverStoreAccess(harness.driver), harness.config);
    UUID first = id("recent-1");
    UUID second = id("recent-2");
    UUID third = id("recent-3");
    for (UUID request : List.of(first, second, third)) {
      harness.driver.advanceWallClockTime(Duration.ofSeconds(1)); // evaluatedAt is processing time
      harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));
      harness.result(result(request, MODEL, T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
    }
    assertEquals(List.of(third, second), requestIds(queries.latestEvaluations(2)));

    // Re-evaluated by a relabel: first becomes the newest, and its old index entry is gone.
    harness.driver.advanceWallClockTime(Duration.ofSeconds(1));
    harness.truth(truth(first, truthPhrase("p0", PhraseType.people, MISS)));
    assertEquals(List.of(first, third, second), requestIds(queries.latestEvaluations(10)));

    // Truth deleted: the evaluation is retracted, and so is its index entry.
    harness.truth.pipeInput(new dev.groundstream.avro.RequestKey(third), null);
    assertEquals(List.of(first, second), requestIds(queries.latestEvaluations(10)));
    try (var index = harness.driver.<String, String>getKeyValueStore(StoreNames.RECENT_EVALUATIONS).all()) {
      int entries = 0;
      while (index.hasNext()) {
        index.next();
        entries++;
      }
      assertEquals(2, entries, "one index entry per current evaluation");
    }
  }

  private static List<UUID> requestIds(com.fasterxml.jackson.databind.node.ArrayNode evaluations) {
    List<UUID> ids = new ArrayList<>();
    evaluations.forEach(e -> ids.add(UUID.fromString(e.get("requestId").asText())));
    return ids;
  }

  @Test
  void windowsFollowEventTimeWithGraceForLateData() {
    // tumbling 1m, grace 1m (defaults): [T0, T0+1m) closes for late data at stream time T0+2m.
    evaluateOneHit("w-a", T0.plusSeconds(10));
    evaluateOneHit("w-b", T0.plusSeconds(70));
    evaluateOneHit("w-c", T0.plusSeconds(100));   // stream time T0+100s
    evaluateOneHit("w-late-ok", T0.plusSeconds(30)); // late, but within grace: counted
    evaluateOneHit("w-now", T0.plusSeconds(130)); // stream time T0+130s: first window closed
    evaluateOneHit("w-too-late", T0.plusSeconds(20)); // beyond grace: dropped from the window

    WindowStore<String, ValueAndTimestamp<MetricAggregate>> tumbling =
        harness.driver.getTimestampedWindowStore(StoreNames.METRICS_TUMBLING);
    assertEquals(2, tumbling.fetch(KEY, T0.toEpochMilli()).value().category("all").evaluablePhrases());
    assertEquals(2, tumbling.fetch(KEY, T0.plusSeconds(60).toEpochMilli()).value().category("all").evaluablePhrases());
    assertEquals(1, tumbling.fetch(KEY, T0.plusSeconds(120).toEpochMilli()).value().category("all").evaluablePhrases());
    // All-time has no window: the too-late one counts there.
    assertEquals(6, allTime().category("all").evaluablePhrases());
    // The too-late one was kept out of the minute windows before Kafka Streams saw it (no per-record
    // WARN) and counted, for the metrics and for the signals; the hour window still takes it.
    assertEquals(1.0, harness.meters.counter("groundstream_eval_closed_window_records", "window", "tumbling-1m").count());
    assertEquals(1.0, harness.meters.counter("groundstream_eval_closed_window_records", "window",
        "signals-tumbling-1m").count());
    assertEquals(0.0, harness.meters.counter("groundstream_eval_closed_window_records", "window", "hopping-1h").count());

    // Hopping 1h advancing 5m: T0+10s lies in the 12 windows starting T0-55m .. T0.
    WindowStore<String, ValueAndTimestamp<MetricAggregate>> hopping =
        harness.driver.getTimestampedWindowStore(StoreNames.METRICS_HOPPING);
    List<Long> starts = new ArrayList<>();
    try (var it = hopping.fetch(KEY, T0.minus(Duration.ofHours(1)).toEpochMilli(), T0.toEpochMilli())) {
      it.forEachRemaining(kv -> starts.add(kv.key));
    }
    assertEquals(12, starts.size());
    assertEquals(T0.minus(Duration.ofMinutes(55)).toEpochMilli(), starts.get(0));
    // The hour starting at T0 is still open, so the record too late for the minute window counts there.
    assertEquals(6, hopping.fetch(KEY, T0.toEpochMilli()).value().category("all").evaluablePhrases());

    // The REST layer's local query over the same stores: window names, time bounds, category filter.
    LocalQueries queries = new LocalQueries(new DriverStoreAccess(harness.driver), harness.config);
    var minute = queries.metrics(new MetricQuery(MODEL_ID, EvalRecords.DATASET, "all", "tumbling-1m",
        T0.toEpochMilli(), T0.plusSeconds(60).toEpochMilli()));
    assertEquals(2, minute.size());
    assertEquals(T0.toEpochMilli(), minute.get(0).get("windowStart").asLong());
    assertEquals(T0.plusSeconds(60).toEpochMilli(), minute.get(0).get("windowEnd").asLong());
    assertEquals(2, minute.get(0).get("evaluablePhrases").asLong());
    var hour = queries.metrics(new MetricQuery(null, null, "people", "hopping-1h", T0.toEpochMilli(),
        T0.toEpochMilli()));
    assertEquals(1, hour.size());
    assertEquals("people", hour.get(0).get("category").asText());
    assertEquals(6, hour.get(0).get("evaluablePhrases").asLong());

    List<AccuracySnapshot> tumblingSnapshots = harness.metrics.readValuesToList().stream()
        .filter(s -> s.getWindow().equals("tumbling-1m")).toList();
    assertTrue(tumblingSnapshots.stream().noneMatch(s -> s.getWindowStart().equals(T0)
        && s.getEvaluablePhrases() > 2), "the dropped record never reached the closed window");
  }

  @Test
  void corruptRecordGoesToTheDeadLetterQueueAndProcessingContinues() {
    byte[] garbage = {0, 0, 0, 0, 1, 42, 42, 42};
    harness.rawResults.pipeInput(new byte[] {7}, garbage);
    UUID request = id("after-corrupt");
    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));
    harness.result(result(request, MODEL, T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));

    var letter = harness.deadLetters.readKeyValue();
    assertEquals(Topics.RESULTS, letter.value.getSourceTopic());
    assertEquals("eval", letter.value.getStage());
    assertEquals(java.nio.ByteBuffer.wrap(garbage), letter.value.getOriginalValue());
    assertEquals(java.nio.ByteBuffer.wrap(new byte[] {7}), letter.key.getOriginalKey());
    assertEquals(request, harness.evaluations.readValue().getRequestId(), "processing continued");
  }

  @Test
  void badInputIsDeadLetteredWithItsReason() {
    UUID request = id("bad-input");
    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));
    // A phrase id the truth does not have, and a NaN box.
    harness.result(result(request, MODEL, T0, 20, predicted("p0", new float[] {Float.NaN, 0, 10, 10}, 0.9f,
        PhraseType.people), predicted("p9", TARGET, 0.5f, PhraseType.people)));
    // A result without a model version cannot be attributed to a model at all.
    harness.result(result(id("no-model"), model("ranker", ""), T0, 20,
        predicted("p0", TARGET, 0.9f, PhraseType.people)));

    var records = harness.deadLetters.readKeyValuesToList();
    List<DeadLetter> letters = records.stream().map(kv -> kv.value).toList();
    assertEquals(2, letters.size());
    assertTrue(records.get(0).key.getOriginalKey() != null, "keyed by the request, like its source record");
    assertEquals("EvaluationAnomalies", letters.get(0).getErrorClass());
    assertTrue(letters.get(0).getMessage().contains("invalidPredictedBoxes=1"), letters.get(0).getMessage());
    assertTrue(letters.get(0).getMessage().contains("unknownResultPhraseIds=[p9]"), letters.get(0).getMessage());
    assertEquals("InvalidResult", letters.get(1).getErrorClass());
    assertTrue(letters.get(1).getMessage().contains("unknown model"));
    // The first is still evaluated (a miss); the second is not.
    List<Evaluation> evaluations = harness.evaluations.readValuesToList();
    assertEquals(1, evaluations.size());
    assertFalse(evaluations.get(0).getPhrases().get(0).getHitAt1());
  }

  private void evaluateOneHit(String name, Instant createdAt) {
    UUID request = id(name);
    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));
    harness.result(result(request, MODEL, createdAt, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
  }

  private MetricAggregate allTime() {
    KeyValueStore<String, MetricAggregate> store = harness.driver.getKeyValueStore(StoreNames.METRICS_ALL_TIME);
    MetricAggregate aggregate = store.get(KEY);
    return aggregate == null ? new MetricAggregate() : aggregate;
  }
}
