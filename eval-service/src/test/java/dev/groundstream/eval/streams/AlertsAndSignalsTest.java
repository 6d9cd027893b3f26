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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.QualityAlert;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.query.LocalQueries;
import dev.groundstream.eval.testing.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafka.class)
class AlertsAndSignalsTest {
  private static final ModelRef MODEL = model("ranker", "1.0.0");
  private static RegistryConnection registry;

  @TempDir
  Path stateDir;

  @BeforeAll
  static void startRegistry() {
    registry = SharedKafka.registry();
  }

  @Test
  void labelFreeSignalsPerModelAndCategory() {
    try (TopologyHarness harness = new TopologyHarness(TopologyHarness.config(registry, stateDir))) {
      // No truth at all: these signals need none. Each result: a confident people box, a weak clothing
      // box (below the 0.3 threshold) and a phrase with no box.
      double[] latencies = {10, 20, 30};
      for (int i = 0; i < 3; i++) {
        harness.result(result(id("signal-" + i), MODEL, T0.plusSeconds(5 + i), latencies[i],
            predicted("p0", TARGET, 0.9f, PhraseType.people), predicted("p1", TARGET, 0.2f, PhraseType.clothing),
            PhraseResult.newBuilder().setPhraseId("p2").setText("p2").setTypes(List.of(PhraseType.other)).build()));
      }
      JsonNode signals = new LocalQueries(new DriverStoreAccess(harness.driver), harness.config)
          .signals("ranker:1.0.0", null, null, 0, Long.MAX_VALUE);
      JsonNode all = find(signals, "all");
      assertEquals(T0.toEpochMilli(), all.get("windowStart").asLong());
      assertEquals(9, all.get("phrases").asLong());
      assertEquals(3, all.get("results").asLong());
      assertEquals(6.0 / 9, all.get("noBoxShare").asDouble(), 1e-12); // 0.2 < 0.3, and the box-less phrase
      // Scores 0.2 x3, 0.9 x3: nearest-rank p50 is 0.2 and p90 is 0.9, reported as 0.01-bin midpoints.
      assertEquals(0.205, all.get("top1ScoreP50").asDouble(), 1e-9);
      assertEquals(0.905, all.get("top1ScoreP90").asDouble(), 1e-9);
      assertEquals(20, all.get("latencyP50Ms").asDouble(), 20 * 0.05);
      assertEquals(30, all.get("latencyP90Ms").asDouble(), 30 * 0.05);
      assertEquals(0.0, find(signals, "people").get("noBoxShare").asDouble());
      assertEquals(1.0, find(signals, "clothing").get("noBoxShare").asDouble());
      assertEquals(1.0, find(signals, "other").get("noBoxShare").asDouble());
      assertTrue(find(signals, "other").get("top1ScoreP50").isNull(), "no scores, no quantile");
      assertTrue(find(signals, "people").get("latencyP50Ms") == null, "latency is per model, on 'all' only");
    }
  }

  @Test
  void lowTopScoresRaiseALabelFreeAlert() {
    EvalConfig config = TopologyHarness.config(registry, stateDir)
        .withAlerts(Double.NaN, Double.NaN, 0.5, Double.NaN, 2, 1);
    try (TopologyHarness harness = new TopologyHarness(config)) {
      for (int i = 0; i < 3; i++) {
        harness.result(result(id("weak-" + i), MODEL, T0.plusSeconds(i), 20,
            predicted("p0", TARGET, 0.2f, PhraseType.people)));
      }
      assertTrue(harness.alerts.isEmpty(), "the window is still open");
      harness.result(result(id("weak-later"), MODEL, T0.plus(Duration.ofMinutes(10)), 20,
          predicted("p0", TARGET, 0.9f, PhraseType.people)));
      List<QualityAlert> alerts = harness.alerts.readValuesToList();
      assertEquals(2, alerts.size(), "one per category (all, people): " + alerts);
      QualityAlert all = alerts.stream().filter(a -> a.getCategory().equals("all")).findFirst().orElseThrow();
      assertEquals(EvalTopology.TOP1_SCORE_P50, all.getSignal());
      assertEquals(0.205, all.getObserved(), 1e-9);
      assertEquals(0.5, all.getThreshold());
      assertEquals(T0, all.getWindowStart());
    }
  }

  @Test
  void recallAlertsBelowFloorAndBelowBaselineMinusMarginOnly() {
    // Floor 0.3, margin 0.2 below the trailing baseline; at least 2 phrases; baseline needs 1 window.
    EvalConfig config = TopologyHarness.config(registry, stateDir)
        .withAlerts(0.3, 0.2, Double.NaN, Double.NaN, 2, 1);
    try (TopologyHarness harness = new TopologyHarness(config)) {
      window(harness, 0, 4, 0);  // recall 1.0: first window, baseline becomes 1.0
      window(harness, 1, 9, 1);  // 0.9 >= 1.0 - 0.2: no alert; baseline 0.3*0.9 + 0.7*1.0 = 0.97
      window(harness, 2, 2, 2);  // 0.5 < 0.97 - 0.2 = 0.77: baseline alert (above the floor)
      // Stream time is now T0+2m10s: only the first window has closed (1m + 1m grace), without alert;
      // the failing third window is judged when it closes, not before.
      assertTrue(harness.alerts.isEmpty());
      window(harness, 3, 1, 3);  // 0.25 < 0.3: floor alert
      window(harness, 4, 0, 1);  // a single phrase: too few to judge
      window(harness, 10, 1, 0); // stream time T0+10m closes every earlier window (1m + 1m grace)

      List<QualityAlert> alerts = harness.alerts.readValuesToList();
      List<QualityAlert> overall = new ArrayList<>(alerts.stream().filter(a -> a.getCategory().equals("all")).toList());
      assertEquals(2, overall.size(), alerts.toString());
      assertEquals(4, alerts.size(), "the same alerts for the only type, people");

      QualityAlert relative = overall.get(0);
      assertEquals(T0.plus(Duration.ofMinutes(2)), relative.getWindowStart());
      assertEquals(0.5, relative.getObserved());
      assertEquals(0.97, relative.getBaseline(), 1e-12);
      assertEquals(0.77, relative.getThreshold(), 1e-12);
      assertEquals("recallAt1", relative.getSignal());

      QualityAlert floor = overall.get(1);
      assertEquals(T0.plus(Duration.ofMinutes(3)), floor.getWindowStart());
      assertEquals(0.25, floor.getObserved());
      assertEquals(0.3, floor.getThreshold());

      JsonNode recent = new LocalQueries(new DriverStoreAccess(harness.driver), config).alerts(10);
      assertEquals(2, recent.size(), "the last alert of each rule (all, people)");
      List<String> recentIds = List.of(recent.get(0).get("alertId").asText(), recent.get(1).get("alertId").asText());
      assertTrue(recentIds.contains(floor.getAlertId().toString()), "the floor alert replaced the earlier one");
    }
  }

  @Test
  void noAlertsWhenRulesAreOff() {
    try (TopologyHarness harness = new TopologyHarness(TopologyHarness.config(registry, stateDir)
        .withAlerts(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 1))) {
      window(harness, 0, 0, 4);
      window(harness, 10, 0, 4);
      assertTrue(harness.alerts.isEmpty());
      assertNull(harness.driver.getKeyValueStore(StoreNames.ACCURACY_ALERT_STATE).get("nothing"));
    }
  }

  /** One request in minute {@code minute} after T0 with {@code hits} hit and {@code misses} missed phrases. */
  private static void window(TopologyHarness harness, int minute, int hits, int misses) {
    UUID request = id("alert-window-" + minute + "-" + UUID.randomUUID());
    List<PhraseTruth> truths = new ArrayList<>();
    List<PhraseResult> predictions = new ArrayList<>();
    for (int p = 0; p < hits + misses; p++) {
      truths.add(truthPhrase("p" + p, PhraseType.people, TARGET));
      predictions.add(predicted("p" + p, p < hits ? TARGET : MISS, 0.9f, PhraseType.people));
    }
    harness.truth(truth(request, truths.toArray(PhraseTruth[]::new)));
    Instant createdAt = T0.plus(Duration.ofMinutes(minute)).plusSeconds(10);
    harness.result(result(request, MODEL, createdAt, 20, predictions.toArray(PhraseResult[]::new)));
  }

  private static JsonNode find(JsonNode signals, String category) {
    for (JsonNode node : signals) {
      if (node.get("category").asText().equals(category)) {
        return node;
      }
    }
    throw new AssertionError("no " + category + " in " + signals);
  }
}
