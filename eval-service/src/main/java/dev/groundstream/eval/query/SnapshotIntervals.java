package dev.groundstream.eval.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.eval.stats.Interval;
import dev.groundstream.eval.stats.WilsonInterval;
import java.util.Map;

/**
 * Adds to each accuracy snapshot in the API's JSON an {@code intervals} object: per accuracy field
 * (recallAt1, recallAt5, recallAt10, mergedBoxAccuracy, pointingAccuracy) its 95% Wilson score
 * interval {@code {lower, upper}} from the hit count and evaluablePhrases, so every recall the
 * dashboard shows carries its uncertainty.
 */
final class SnapshotIntervals {
  /** Accuracy field to the hit count it divides by evaluablePhrases. */
  private static final Map<String, String> HITS = Map.of(
      "recallAt1", "hitsAt1", "recallAt5", "hitsAt5", "recallAt10", "hitsAt10",
      "mergedBoxAccuracy", "mergedBoxHits", "pointingAccuracy", "pointingHits");

  private SnapshotIntervals() {
  }

  static void addTo(JsonNode snapshots) {
    snapshots.forEach(snapshot -> {
      if (!(snapshot instanceof ObjectNode node)) {
        return;
      }
      long n = node.path("evaluablePhrases").asLong();
      ObjectNode intervals = node.putObject("intervals");
      HITS.forEach((accuracy, hits) -> {
        Interval interval = WilsonInterval.of95(Math.min(n, node.path(hits).asLong()), n);
        ObjectNode limits = intervals.putObject(accuracy);
        limits.put("lower", interval.lower());
        limits.put("upper", interval.upper());
      });
    });
  }
}
