package dev.groundstream.eval.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.eval.streams.MetricSnapshots;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything the dashboard shows except the user-chosen model comparison, in one JSON object, asked
 * with the same cluster-wide queries as the REST routes (so it is right with several instances).
 * Fields: {@code state}, {@code allTime}, {@code windows}, {@code signals}, {@code alerts}, {@code latest}.
 */
final class DashboardSnapshot {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final int LATEST_EVALUATIONS = 8;
  static final int ALERTS = 15;
  private final EvalApi api;
  private final Supplier<KafkaStreams.State> state;

  DashboardSnapshot(EvalApi api, Supplier<KafkaStreams.State> state) {
    this.api = api;
    this.state = state;
  }

  CompletableFuture<JsonNode> build() {
    try {
      CompletableFuture<JsonNode> allTime = api.metrics(params(Map.of("window", MetricSnapshots.ALL_TIME)));
      CompletableFuture<JsonNode> windows = api.metrics(params(Map.of("category", "all",
          "window", api.tumblingWindowName())));
      CompletableFuture<JsonNode> signals = api.signals(params(Map.of("category", "all")));
      CompletableFuture<JsonNode> alerts = api.alerts(params(Map.of("n", Integer.toString(ALERTS))));
      CompletableFuture<JsonNode> latest = api.latestEvaluations(params(Map.of("n",
          Integer.toString(LATEST_EVALUATIONS))));
      return CompletableFuture.allOf(allTime, windows, signals, alerts, latest).thenApply(done -> {
        ObjectNode node = stateOnly();
        node.set("allTime", allTime.join());
        node.set("windows", windows.join());
        node.set("signals", signals.join());
        node.set("alerts", alerts.join());
        node.set("latest", latest.join());
        return node;
      });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Just the Streams state: what the page can still be told while the stores are unavailable. */
  ObjectNode stateOnly() {
    KafkaStreams.State current = state.get();
    ObjectNode node = NODES.objectNode();
    node.put("state", current == null ? "STARTING" : current.name());
    return node;
  }

  /**
   * The snapshot without its query-time stamps ({@code updatedAt} of each metric), so two snapshots of
   * unchanged data compare equal and no update is pushed.
   */
  static String fingerprint(JsonNode snapshot) {
    JsonNode copy = snapshot.deepCopy();
    for (String field : new String[] {"allTime", "windows"}) {
      copy.path(field).forEach(metric -> {
        if (metric instanceof ObjectNode object) {
          object.remove("updatedAt");
        }
      });
    }
    return copy.toString();
  }

  private static QueryParameters params(Map<String, String> values) {
    return new QueryParameters(values);
  }
}
