package dev.groundstream.eval.bench;

import static dev.groundstream.eval.testing.EvalRecords.MISS;
import static dev.groundstream.eval.testing.EvalRecords.T0;
import static dev.groundstream.eval.testing.EvalRecords.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.protocol.ResultEvaluator;
import dev.groundstream.eval.query.LocalQueries;
import dev.groundstream.eval.query.StoreAccess;
import dev.groundstream.eval.streams.CompositeKeys;
import dev.groundstream.eval.streams.EvalSerdes;
import dev.groundstream.eval.streams.Framed;
import dev.groundstream.eval.streams.FramedSerde;
import dev.groundstream.eval.streams.PairedTable;
import dev.groundstream.eval.streams.PairedTableSerde;
import dev.groundstream.eval.streams.PairedTables;
import dev.groundstream.eval.streams.ScanPairedCounts;
import dev.groundstream.eval.streams.StoreNames;
import dev.groundstream.eval.testing.EvalRecords;
import dev.groundstream.eval.testing.SharedKafka;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness, not a timed test: the latency of one instance's /api/compare answer
 * ({@link LocalQueries#pairedCounts}) with 10^5 and 10^6 stored evaluations, before (a scan of every
 * evaluation, {@link ScanPairedCounts}) and after (the paired tables), on real RocksDB stores of the
 * topology's serdes (the evaluations registry-framed, as the topology stores them). Two models evaluated every request; a third model's evaluations, never asked
 * about, make up a third of the store. Run (see eval-service/docs/benchmark.md):
 *
 * <pre>
 * mvn -B -ntp -o -pl eval-service -am test -Dtest=CompareLatencyBenchmark -Dgroundstream.benchmark=true \
 *   -Dsurefire.failIfNoSpecifiedTests=false [-Dgroundstream.benchmark.compare.sizes=100000,1000000]
 * </pre>
 */
@org.junit.jupiter.api.extension.ExtendWith(SharedKafka.class)
class CompareLatencyBenchmark {
  private static final List<ModelRef> MODELS = List.of(EvalRecords.model("ranker", "1.0.0"),
      EvalRecords.model("ranker", "2.0.0"), EvalRecords.model("other", "1"));
  private static final PhraseType[] TYPES = {PhraseType.people, PhraseType.clothing, PhraseType.animals,
      PhraseType.scene};

  @Test
  void compareLatencyBeforeAndAfter() throws Exception {
    assumeTrue(Boolean.getBoolean("groundstream.benchmark"), "benchmark harness: run with -Dgroundstream.benchmark=true");
    String sizes = System.getProperty("groundstream.benchmark.compare.sizes", "100000,1000000");
    System.out.printf(Locale.ROOT, "%nCOMPARE LATENCY cores=%d load(1m) at start=%.2f%n",
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String size : sizes.split(",")) {
      measure(Integer.parseInt(size.trim()));
    }
  }

  private static void measure(int evaluationCount) throws Exception {
    java.util.Properties props = new java.util.Properties();
    props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "compare-latency");
    props.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props,
        new org.apache.kafka.streams.processor.TaskId(0, 0),
        Files.createTempDirectory("compare-latency").toFile()); // fresh stores for each size
    KeyValueStore<String, Framed<Evaluation>> evaluations = store(StoreNames.EVALUATIONS,
        FramedSerde.forStore(EvalSerdes.of(SharedKafka.registry()).evaluation(), Evaluation.class), context);
    var encoder = EvalSerdes.of(SharedKafka.registry()).evaluation().serializer();
    KeyValueStore<String, PairedTable> pairs = store(StoreNames.PAIRED_TABLES, new PairedTableSerde(), context);
    KeyValueStore<String, Long> counts = store(StoreNames.EVALUATION_COUNTS, Serdes.Long(), context);
    long t0 = System.nanoTime();
    Random random = new Random(5);
    Instant now = Instant.now();
    for (int request = 0; request * MODELS.size() < evaluationCount; request++) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      GroundTruth truth = truth(id, random);
      for (ModelRef model : MODELS) {
        Evaluation evaluation = ResultEvaluator.evaluate(result(id, model, random), truth, now).evaluation();
        evaluations.put(CompositeKeys.requestModel(id, CompositeKeys.modelId(model)),
            new Framed<>(evaluation, encoder.serialize(dev.groundstream.schemas.Topics.EVALUATIONS, evaluation)));
      }
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    new PairedTables(pairs, counts).rebuildIfNeeded(evaluations); // the topology's own code keeps them after
    double buildSeconds = (System.nanoTime() - t1) / 1e9;

    LocalQueries queries = new LocalQueries(new Access(Map.of(StoreNames.EVALUATIONS, evaluations,
        StoreNames.PAIRED_TABLES, pairs, StoreNames.EVALUATION_COUNTS, counts)), EvalConfig.defaults(
        KafkaConnection.of("unused:9092"), RegistryConnection.of("http://unused:8081")));
    String a = CompositeKeys.modelId(MODELS.get(0));
    String b = CompositeKeys.modelId(MODELS.get(1));
    ObjectNode after = queries.pairedCounts(a, b, null, HitMetric.RECALL_AT_1);
    ObjectNode before = ScanPairedCounts.of(evaluations, a, b, null, HitMetric.RECALL_AT_1);
    assertEquals(before, after, "same answer both ways");
    double[] scanMs = time(() -> ScanPairedCounts.of(evaluations, a, b, EvalRecords.DATASET, HitMetric.RECALL_AT_1), 3);
    double[] tableMs = time(() -> queries.pairedCounts(a, b, EvalRecords.DATASET, HitMetric.RECALL_AT_1), 50);
    System.out.printf(Locale.ROOT, "stored evaluations=%d (loaded in %.1f s, tables built from them in %.1f s):"
            + " before (scan) median %.1f ms [%s]; after (paired tables) median %.3f ms, p90 %.3f ms; %.0fx%n",
        evaluationCount, loadSeconds, buildSeconds, median(scanMs), format(scanMs), median(tableMs),
        tableMs[(int) (tableMs.length * 0.9)], median(scanMs) / median(tableMs));
    for (KeyValueStore<?, ?> store : List.of(evaluations, pairs, counts)) {
      store.close();
    }
  }

  /** Wall times in ms of {@code runs} calls after one untimed call, sorted. */
  private static double[] time(Supplier<ObjectNode> call, int runs) {
    call.get();
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      if (call.get().path("categories").isEmpty()) {
        throw new IllegalStateException("empty answer");
      }
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  private static String format(double[] ms) {
    List<String> out = new ArrayList<>();
    for (double m : ms) {
      out.add(String.format(Locale.ROOT, "%.0f", m));
    }
    return String.join(", ", out);
  }

  /** A persistent (RocksDB) store as the topology builds it, without changelog, in a temp state dir. */
  private static <V> KeyValueStore<String, V> store(String name, Serde<V> serde, MockProcessorContext<Object, Object> context)
      throws Exception {
    KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
        Serdes.String(), serde).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  private static GroundingResult result(UUID id, ModelRef model, Random random) {
    List<PhraseResult> phrases = new ArrayList<>();
    for (int p = 0; p < TYPES.length; p++) {
      phrases.add(EvalRecords.predicted("p" + p, random.nextBoolean() ? TARGET : MISS, 0.9f, TYPES[p]));
    }
    return EvalRecords.result(id, model, T0, 20, phrases.toArray(PhraseResult[]::new));
  }

  private static GroundTruth truth(UUID id, Random random) {
    List<PhraseTruth> phrases = new ArrayList<>();
    for (PhraseType type : TYPES) {
      phrases.add(EvalRecords.truthPhrase("p" + phrases.size(), type, TARGET));
    }
    return EvalRecords.truth(id, phrases.toArray(PhraseTruth[]::new));
  }

  private record Access(Map<String, KeyValueStore<?, ?>> stores) implements StoreAccess {
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
      return (ReadOnlyKeyValueStore<K, V>) stores.get(name);
    }

    @Override
    public <K, V> Map<Integer, ReadOnlyKeyValueStore<K, V>> keyValueStorePartitions(String name) {
      return Map.of(0, keyValueStore(name));
    }

    @Override
    public <K, V> ReadOnlyWindowStore<K, V> windowStore(String name) {
      throw new UnsupportedOperationException(name);
    }
  }
}
