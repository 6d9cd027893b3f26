package dev.groundstream.eval.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.protocol.PairedEvaluations;
import dev.groundstream.eval.stats.PairedCounts;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The way /api/compare answered before the paired tables: one pass over every evaluation of the
 * store, sorted by request, pairing a with b. The oracle of {@link PairedTablesTest} and the "before"
 * of the compare latency benchmark.
 */
public final class ScanPairedCounts {
  private ScanPairedCounts() {}

  public static ObjectNode of(ReadOnlyKeyValueStore<String, Framed<Evaluation>> store, String modelA, String modelB,
      String dataset, HitMetric metric) {
    Map<String, PairedCounts> tables = PairedEvaluations.emptyTables();
    String currentRequest = null;
    Evaluation a = null;
    Evaluation b = null;
    long evaluationsA = 0;
    long evaluationsB = 0;
    try (KeyValueIterator<String, Framed<Evaluation>> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, Framed<Evaluation>> framed = it.next();
        KeyValue<String, Evaluation> kv = KeyValue.pair(framed.key, framed.value.value());
        String[] parts = CompositeKeys.split(kv.key);
        if (!parts[0].equals(currentRequest)) {
          pair(a, b, dataset, metric, tables);
          currentRequest = parts[0];
          a = null;
          b = null;
        }
        boolean inDataset = dataset == null || dataset.equals(kv.value.getDataset());
        if (parts[1].equals(modelA)) {
          a = kv.value;
          evaluationsA += inDataset ? 1 : 0;
        } else if (parts[1].equals(modelB)) {
          b = kv.value;
          evaluationsB += inDataset ? 1 : 0;
        }
      }
    }
    pair(a, b, dataset, metric, tables);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("evaluationsA", evaluationsA);
    node.put("evaluationsB", evaluationsB);
    ObjectNode categories = node.putObject("categories");
    tables.forEach((category, counts) -> {
      ObjectNode cells = categories.putObject(category);
      cells.put("bothRight", counts.bothRight());
      cells.put("onlyA", counts.onlyA());
      cells.put("onlyB", counts.onlyB());
      cells.put("bothWrong", counts.bothWrong());
    });
    return node;
  }

  private static void pair(Evaluation a, Evaluation b, String dataset, HitMetric metric,
      Map<String, PairedCounts> tables) {
    if (a == null || b == null
        || dataset != null && (!dataset.equals(a.getDataset()) || !dataset.equals(b.getDataset()))) {
      return;
    }
    PairedEvaluations.addByCategory(a, b, metric, tables);
  }
}
