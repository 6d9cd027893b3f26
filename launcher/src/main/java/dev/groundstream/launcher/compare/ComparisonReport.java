package dev.groundstream.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints an /api/compare answer for a person: one row per phrase type with the paired table (both
 * right / only A / only B / both wrong), recall@1 of A and B with 95% Wilson intervals, the difference
 * B - A in points with its 95% interval (Newcombe's method 10 for paired proportions) and McNemar's
 * exact p-value; then the verdict for all phrases and for each type that has shared phrases.
 */
public final class ComparisonReport {
  private static final String ROW = "%-12s %8s %11s %8s %8s %11s  %-22s %-22s %-22s %s%n";

  private ComparisonReport() {
  }

  /**
   * @param type one phrase type to show, or null for "all" and every type with shared phrases
   */
  public static void print(JsonNode comparison, String type, PrintWriter out) {
    out.printf(Locale.US, "A = %s, B = %s, dataset %s, metric recall@1 (shared phrases: evaluable in both)%n",
        comparison.path("a").asText(), comparison.path("b").asText(),
        comparison.path("dataset").isTextual() ? comparison.path("dataset").asText() : "all");
    List<Map.Entry<String, JsonNode>> rows = rows(comparison, type);
    out.printf(Locale.US, ROW, "type", "pairs", "both right", "only A", "only B", "both wrong",
        "recall@1 A [95% CI]", "recall@1 B [95% CI]", "B-A points [95% CI]", "McNemar p");
    for (Map.Entry<String, JsonNode> row : rows) {
      JsonNode c = row.getValue();
      out.printf(Locale.US, ROW, row.getKey(), count(c, "pairs"), count(c, "bothRight"), count(c, "onlyA"),
          count(c, "onlyB"), count(c, "bothWrong"),
          percent(c.path("accuracyA").asDouble(), c.path("accuracyAInterval")),
          percent(c.path("accuracyB").asDouble(), c.path("accuracyBInterval")),
          points(c.path("differenceBMinusA").asDouble(), c.path("differenceInterval")),
          pValue(c.path("mcNemarExactPValue").asDouble()));
    }
    out.println("Intervals: " + comparison.path("intervalMethod").asText() + "; p: McNemar's exact (binomial) test.");
    for (Map.Entry<String, JsonNode> row : rows) {
      out.printf(Locale.US, "Verdict (%s): %s%n", row.getKey(), row.getValue().path("verdictText").asText());
    }
    out.flush();
  }

  /** "all" first (unless a type is asked for), then each type with at least one shared phrase. */
  static List<Map.Entry<String, JsonNode>> rows(JsonNode comparison, String type) {
    List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
    if (type != null) {
      rows.add(Map.entry(type, comparison.path("types").path(type)));
      return rows;
    }
    rows.add(Map.entry("all", comparison));
    comparison.path("types").fields().forEachRemaining(entry -> {
      if (entry.getValue().path("pairs").asLong() > 0) {
        rows.add(entry);
      }
    });
    return rows;
  }

  private static String count(JsonNode node, String field) {
    return String.format(Locale.US, "%,d", node.path(field).asLong());
  }

  private static String percent(double value, JsonNode interval) {
    return String.format(Locale.US, "%.1f%% [%.1f, %.1f]", value * 100,
        interval.path("lower").asDouble() * 100, interval.path("upper").asDouble() * 100);
  }

  private static String points(double value, JsonNode interval) {
    return String.format(Locale.US, "%+.1f [%+.1f, %+.1f]", value * 100,
        interval.path("lower").asDouble() * 100, interval.path("upper").asDouble() * 100);
  }

  private static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.US, "%.3f", p);
  }
}
