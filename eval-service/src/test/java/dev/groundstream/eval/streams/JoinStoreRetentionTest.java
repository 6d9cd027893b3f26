package dev.groundstream.eval.streams;

import static dev.groundstream.eval.testing.EvalRecords.T0;
import static dev.groundstream.eval.testing.EvalRecords.TARGET;
import static dev.groundstream.eval.testing.EvalRecords.id;
import static dev.groundstream.eval.testing.EvalRecords.model;
import static dev.groundstream.eval.testing.EvalRecords.predicted;
import static dev.groundstream.eval.testing.EvalRecords.result;
import static dev.groundstream.eval.testing.EvalRecords.truth;
import static dev.groundstream.eval.testing.EvalRecords.truthPhrase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.eval.config.JoinRetention;
import dev.groundstream.eval.testing.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * join-retention: results and evaluations of a model leave the join stores once older than its
 * retention (wall clock against producedAt), a model set to off keeps them, truth stays, and a
 * replayed result of the old request is evaluated again against the kept truth.
 */
@ExtendWith(SharedKafka.class)
class JoinStoreRetentionTest {
  private static final String OLD = "ranker:1.0.0";
  private static final String KEPT = "ranker:2.0.0";

  @TempDir
  Path stateDir;

  @Test
  void expiredResultsAndEvaluationsGoTruthStaysAndReplaysEvaluate() {
    var config = TopologyHarness.config(SharedKafka.registry(), stateDir)
        .with(Map.of("join-retention", "1h," + KEPT + "=off"));
    try (TopologyHarness harness = new TopologyHarness(config, T0)) {
      UUID request = id("retention");
      String oldKey = CompositeKeys.requestModel(request, OLD);
      String keptKey = CompositeKeys.requestModel(request, KEPT);
      harness.result(result(request, model("ranker", "1.0.0"), T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
      harness.result(result(request, model("ranker", "2.0.0"), T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)));
      harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET)));
      assertEquals(2, harness.evaluations.readValuesToList().size());

      KeyValueStore<String, Object> results = harness.driver.getKeyValueStore(StoreNames.RESULTS);
      KeyValueStore<String, Object> truths = harness.driver.getKeyValueStore(StoreNames.TRUTH);
      KeyValueStore<String, Evaluation> evaluations = harness.driver.getKeyValueStore(StoreNames.EVALUATIONS);
      KeyValueStore<String, String> recent = harness.driver.getKeyValueStore(StoreNames.RECENT_EVALUATIONS);

      var queries = new dev.groundstream.eval.query.LocalQueries(new DriverStoreAccess(harness.driver), config);
      var metric = dev.groundstream.eval.protocol.HitMetric.RECALL_AT_1;
      assertEquals(1, queries.pairedCounts(OLD, KEPT, null, metric).at("/categories/all/bothRight").asLong());

      harness.driver.advanceWallClockTime(Duration.ofMinutes(30));
      assertNotNull(results.get(oldKey), "within its retention");
      assertNotNull(evaluations.get(oldKey));

      harness.driver.advanceWallClockTime(Duration.ofMinutes(45)); // T0 + 75 min: past 1 h after producedAt
      assertNull(results.get(oldKey), "older than its model's retention: gone");
      assertNull(evaluations.get(oldKey));
      assertEquals(List.of(keptKey), values(recent), "only the kept model's recency entry is left");
      assertNotNull(results.get(keptKey), "retention off for this model");
      assertNotNull(evaluations.get(keptKey));
      assertNotNull(truths.get(request.toString()), "truth is never dropped");
      assertTrue(harness.evaluations.isEmpty(), "dropping state emits nothing downstream");
      var afterSweep = queries.pairedCounts(OLD, KEPT, null, metric);
      assertEquals(0, afterSweep.at("/categories/all/bothRight").asLong(), "a dropped evaluation leaves the pairs");
      assertEquals(0, afterSweep.get("evaluationsA").asLong());
      assertEquals(1, afterSweep.get("evaluationsB").asLong());

      // A replay of the old request produces a new result now: evaluated against the kept truth.
      GroundingResult replayed = GroundingResult.newBuilder(
          result(request, model("ranker", "1.0.0"), T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people)))
          .setProducedAt(T0.plus(Duration.ofMinutes(75))).build();
      harness.result(replayed);
      Evaluation again = harness.evaluations.readValue();
      assertEquals(OLD, CompositeKeys.modelId(again.getModel()));
      assertTrue(again.getPhrases().get(0).getHitAt1());
      assertNotNull(results.get(oldKey), "the replayed result stays for the retention from now");
      assertEquals(1, queries.pairedCounts(OLD, KEPT, null, metric).at("/categories/all/bothRight").asLong());
      harness.driver.advanceWallClockTime(Duration.ofMinutes(30));
      assertNotNull(results.get(oldKey));
    }
  }

  private static List<String> values(KeyValueStore<String, String> store) {
    List<String> out = new ArrayList<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  @Test
  void retentionGrammar() {
    JoinRetention r = JoinRetention.parse("30d, ranker:2.0.0=7d ,baseline:1=off");
    assertEquals(Optional.of(Duration.ofDays(30)), r.of("other:1"));
    assertEquals(Optional.of(Duration.ofDays(7)), r.of("ranker:2.0.0"));
    assertEquals(Optional.empty(), r.of("baseline:1"));
    assertEquals(Duration.ofMinutes(1), r.sweepInterval());
    assertTrue(JoinRetention.parse("off").keepsEverything());
    assertEquals(Duration.ofSeconds(1), JoinRetention.parse("off,m:1=5s").sweepInterval());
    assertThrows(IllegalArgumentException.class, () -> JoinRetention.parse("0s"));
    assertThrows(IllegalArgumentException.class, () -> JoinRetention.parse("m:1=2h,3h"));
  }
}
