package dev.groundstream.eval.streams;

import static dev.groundstream.eval.testing.EvalRecords.MISS;
import static dev.groundstream.eval.testing.EvalRecords.T0;
import static dev.groundstream.eval.testing.EvalRecords.TARGET;
import static dev.groundstream.eval.testing.EvalRecords.model;
import static dev.groundstream.eval.testing.EvalRecords.predicted;
import static dev.groundstream.eval.testing.EvalRecords.truthPhrase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.protocol.PairedEvaluations;
import dev.groundstream.eval.query.LocalQueries;
import dev.groundstream.eval.stats.PairedCounts;
import dev.groundstream.eval.testing.EvalRecords;
import dev.groundstream.eval.testing.SharedKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paired tables behind /api/compare, kept per model pair and dataset pair as evaluations change,
 * answer exactly what a scan over every current evaluation answers (the way /api/compare computed it
 * before), through new results, replaced results, changed and deleted truth, and after a rebuild
 * from the evaluations alone (state written before the tables existed).
 */
@ExtendWith(SharedKafka.class)
class PairedTablesTest {
  private static final List<ModelRef> MODELS = List.of(model("ranker", "1.0.0"), model("ranker", "2.0.0"),
      model("baseline", "1"));
  private static final List<String> DATASETS = List.of(EvalRecords.DATASET, "refcoco/val");
  private static final PhraseType[] TYPES = {PhraseType.people, PhraseType.clothing, PhraseType.animals};

  @TempDir
  Path stateDir;

  @Test
  void incrementalTablesEqualAScanOfTheEvaluations() {
    Random random = new Random(17);
    try (TopologyHarness harness = new TopologyHarness(TopologyHarness.config(SharedKafka.registry(), stateDir))) {
      LocalQueries queries = new LocalQueries(new DriverStoreAccess(harness.driver), harness.config);
      KeyValueStore<String, Framed<Evaluation>> evaluations = harness.driver.getKeyValueStore(StoreNames.EVALUATIONS);
      List<UUID> requests = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        requests.add(EvalRecords.id("paired-" + i));
      }
      for (int step = 0; step < 600; step++) {
        UUID request = requests.get(random.nextInt(requests.size()));
        int kind = random.nextInt(10);
        if (kind < 6) {
          harness.result(result(request, MODELS.get(random.nextInt(MODELS.size())), random));
        } else if (kind < 9) {
          harness.truth(truth(request, DATASETS.get(random.nextInt(DATASETS.size())), random));
        } else {
          harness.truth.pipeInput(new RequestKey(request), null);
        }
        if (step % 50 == 49) {
          assertSameAsScan(queries, evaluations);
        }
      }
      assertTrue(countEvaluations(evaluations) > 20, "the workload left evaluations to compare");
      List<ObjectNode> before = allAnswers(queries);

      // Forget the tables and the built marker: the first record afterwards rebuilds them.
      for (String store : List.of(StoreNames.PAIRED_TABLES, StoreNames.EVALUATION_COUNTS)) {
        KeyValueStore<String, Object> kv = harness.driver.getKeyValueStore(store);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Object> it = kv.all()) {
          it.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(kv::delete);
      }
      new PairedTables(harness.driver.getKeyValueStore(StoreNames.PAIRED_TABLES),
          harness.driver.getKeyValueStore(StoreNames.EVALUATION_COUNTS)).rebuildIfNeeded(evaluations);
      assertEquals(before, allAnswers(queries), "rebuilt from the evaluations alone");
    }
  }

  private static void assertSameAsScan(LocalQueries queries, KeyValueStore<String, Framed<Evaluation>> evaluations) {
    for (ModelRef a : MODELS) {
      for (ModelRef b : MODELS) {
        if (a == b) {
          continue;
        }
        for (String dataset : new String[] {null, DATASETS.get(0), DATASETS.get(1)}) {
          for (HitMetric metric : List.of(HitMetric.RECALL_AT_1, HitMetric.POINTING)) {
            String idA = CompositeKeys.modelId(a);
            String idB = CompositeKeys.modelId(b);
            assertEquals(ScanPairedCounts.of(evaluations, idA, idB, dataset, metric), queries.pairedCounts(idA, idB, dataset, metric),
                idA + " vs " + idB + " dataset " + dataset + " " + metric);
          }
        }
      }
    }
  }

  private static List<ObjectNode> allAnswers(LocalQueries queries) {
    List<ObjectNode> out = new ArrayList<>();
    for (ModelRef a : MODELS) {
      for (ModelRef b : MODELS) {
        if (a != b) {
          out.add(queries.pairedCounts(CompositeKeys.modelId(a), CompositeKeys.modelId(b), null, HitMetric.RECALL_AT_1));
          out.add(queries.pairedCounts(CompositeKeys.modelId(a), CompositeKeys.modelId(b), DATASETS.get(1),
              HitMetric.MERGED_BOX));
        }
      }
    }
    return out;
  }

  private static long countEvaluations(KeyValueStore<String, Framed<Evaluation>> evaluations) {
    long n = 0;
    try (KeyValueIterator<String, Framed<Evaluation>> it = evaluations.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static GroundingResult result(UUID request, ModelRef model, Random random) {
    List<PhraseResult> phrases = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      phrases.add(predicted("p" + p, random.nextBoolean() ? TARGET : MISS, 0.9f, TYPES[p]));
    }
    return EvalRecords.result(request, model, T0, 20, phrases.toArray(PhraseResult[]::new));
  }

  private static GroundTruth truth(UUID request, String dataset, Random random) {
    List<PhraseTruth> phrases = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      if (random.nextInt(4) > 0) { // sometimes a phrase has no truth: not evaluable
        phrases.add(truthPhrase("p" + p, TYPES[random.nextInt(TYPES.length)], random.nextBoolean() ? TARGET : MISS));
      }
    }
    return GroundTruth.newBuilder(EvalRecords.truth(request, phrases.toArray(PhraseTruth[]::new)))
        .setDataset(dataset).build();
  }
}
