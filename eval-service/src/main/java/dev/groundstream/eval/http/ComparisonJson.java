package dev.groundstream.eval.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.eval.protocol.Categories;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.stats.Interval;
import dev.groundstream.eval.stats.PairedComparison;
import dev.groundstream.eval.stats.PairedCounts;
import dev.groundstream.eval.stats.SwitchVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of GET /api/compare: the per-instance paired tables ({@code LocalQueries.pairedCounts})
 * added up, then per category ("all" at the top level, each phrase type under {@code types}) the 2x2
 * cells, each model's accuracy with its 95% Wilson interval, the difference B - A with its 95% interval
 * (Newcombe's method 10 for paired proportions), McNemar's exact p-value and the plain verdict.
 */
final class ComparisonJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ComparisonJson() {
  }

  static ObjectNode merged(String a, String b, String dataset, HitMetric metric, List<JsonNode> answers) {
    Map<String, PairedCounts> tables = new LinkedHashMap<>();
    Categories.names().forEach(name -> tables.put(name, new PairedCounts()));
    long evaluationsA = 0;
    long evaluationsB = 0;
    for (JsonNode answer : answers) {
      evaluationsA += answer.path("evaluationsA").asLong();
      evaluationsB += answer.path("evaluationsB").asLong();
      answer.path("categories").fields().forEachRemaining(entry -> {
        JsonNode cells = entry.getValue();
        PairedCounts sum = tables.computeIfAbsent(entry.getKey(), any -> new PairedCounts());
        tables.put(entry.getKey(), new PairedCounts(
            sum.bothRight() + cells.path("bothRight").asLong(), sum.onlyA() + cells.path("onlyA").asLong(),
            sum.onlyB() + cells.path("onlyB").asLong(), sum.bothWrong() + cells.path("bothWrong").asLong()));
      });
    }
    ObjectNode node = NODES.objectNode();
    node.put("a", a);
    node.put("b", b);
    node.put("dataset", dataset);
    node.put("metric", metric.name());
    node.put("evaluationsA", evaluationsA);
    node.put("evaluationsB", evaluationsB);
    node.put("intervalMethod", "Wilson score (accuracies), Newcombe method 10 for paired proportions (difference)");
    write(node, PairedComparison.of(tables.get(Categories.ALL)));
    ObjectNode types = node.putObject("types");
    tables.forEach((category, counts) -> {
      if (!Categories.ALL.equals(category)) {
        write(types.putObject(category), PairedComparison.of(counts));
      }
    });
    return node;
  }

  private static void write(ObjectNode node, PairedComparison comparison) {
    node.put("pairs", comparison.pairs());
    node.put("bothRight", comparison.bothRight());
    node.put("onlyA", comparison.onlyA());
    node.put("onlyB", comparison.onlyB());
    node.put("bothWrong", comparison.bothWrong());
    node.put("accuracyA", comparison.accuracyA());
    node.put("accuracyB", comparison.accuracyB());
    node.put("differenceBMinusA", comparison.accuracyDifferenceBMinusA());
    node.put("mcNemarExactPValue", comparison.mcNemarExactPValue());
    interval(node, "accuracyAInterval", comparison.accuracyAInterval());
    interval(node, "accuracyBInterval", comparison.accuracyBInterval());
    interval(node, "differenceInterval", comparison.differenceInterval());
    SwitchVerdict verdict = comparison.verdict();
    node.put("verdict", verdict.outcome().name());
    node.put("verdictText", verdict.text());
  }

  private static void interval(ObjectNode node, String name, Interval interval) {
    ObjectNode limits = node.putObject(name);
    limits.put("lower", interval.lower());
    limits.put("upper", interval.upper());
  }
}
