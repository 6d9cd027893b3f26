package dev.groundstream.eval.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.eval.protocol.HitMetric;
import dev.groundstream.eval.query.ClusterQueries;
import dev.groundstream.eval.query.LocalQueries;
import dev.groundstream.eval.query.MetricQuery;
import dev.groundstream.eval.streams.CompositeKeys;
import dev.groundstream.eval.streams.MetricSnapshots;
import dev.groundstream.eval.streams.StoreNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The query API behind the REST routes: validates parameters, answers locally when asked with
 * {@code local=true}, otherwise routes through {@link ClusterQueries} and merges the answers.
 */
public final class EvalApi {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final EvalConfig config;
  private final LocalQueries local;
  private final ClusterQueries cluster;
  private final Serializer<RequestKey> requestKeySerializer;

  public EvalApi(EvalConfig config, LocalQueries local, ClusterQueries cluster,
      Serializer<RequestKey> requestKeySerializer) {
    this.config = config;
    this.local = local;
    this.cluster = cluster;
    this.requestKeySerializer = requestKeySerializer;
  }

  /** The name of the tumbling windows (e.g. tumbling-1m), as the metrics query expects it. */
  String tumblingWindowName() {
    return config.tumblingName();
  }

  /** GET /api/info: what the dashboard needs to know about this deployment. */
  CompletableFuture<JsonNode> info() {
    ObjectNode node = NODES.objectNode();
    node.put("applicationId", config.applicationId());
    node.put("instance", cluster.self().host() + ":" + cluster.self().port());
    node.put("tumblingWindow", config.tumblingName());
    node.put("hoppingWindow", config.hoppingName());
    node.put("processingGuarantee", config.processingGuarantee());
    return CompletableFuture.completedFuture(node);
  }

  /** GET /api/metrics?model=&dataset=&category=&window=&from=&to= */
  CompletableFuture<JsonNode> metrics(QueryParameters params) {
    String window = params.optional("window") == null ? MetricSnapshots.ALL_TIME : params.optional("window");
    Set<String> windows = Set.of(MetricSnapshots.ALL_TIME, config.tumblingName(), config.hoppingName());
    if (!windows.contains(window)) {
      throw new BadRequestException("window must be one of " + windows + ", got " + window);
    }
    long from = params.time("from", 0);
    long to = params.time("to", Long.MAX_VALUE);
    if (from > to) {
      throw new BadRequestException("from must not be after to");
    }
    MetricQuery query = new MetricQuery(params.model("model", false), params.optional("dataset"),
        params.optional("category"), window, from, to);
    Supplier<JsonNode> answer = () -> local.metrics(query);
    if (params.local()) {
      return CompletableFuture.completedFuture(answer.get());
    }
    String store = MetricSnapshots.ALL_TIME.equals(window) ? StoreNames.METRICS_ALL_TIME
        : window.equals(config.tumblingName()) ? StoreNames.METRICS_TUMBLING : StoreNames.METRICS_HOPPING;
    if (query.model() != null && query.dataset() != null) {
      // One (model, dataset) lives in one partition of the deltas repartition topic (String key).
      return cluster.atOwner(store, CompositeKeys.modelDataset(query.model(), query.dataset()),
          Serdes.String().serializer(), "/api/metrics", params.forwardable(), answer);
    }
    return cluster.fanOut(store, "/api/metrics", params.forwardable(), answer)
        .thenApply(EvalApi::concatenate);
  }

  /** GET /api/evaluations/{requestId}: 404 when no model's evaluation of it exists. */
  CompletableFuture<JsonNode> evaluationsOf(QueryParameters params, String requestIdText) {
    UUID requestId = QueryParameters.uuid("requestId", requestIdText);
    return atRequestOwner(params, StoreNames.EVALUATIONS, requestId, "/api/evaluations/" + requestId,
        () -> local.evaluationsOf(requestId));
  }

  /**
   * GET /api/requests/{requestId}/image as a JSON envelope ({@code status}, then {@code contentType} and
   * base64 {@code data}, or {@code error}); the route turns it into the image bytes or an error.
   */
  CompletableFuture<JsonNode> requestImage(QueryParameters params, String requestIdText) {
    UUID requestId = QueryParameters.uuid("requestId", requestIdText);
    // grounding.requests shares key and partition count with results: the same partitioner finds the owner.
    return atRequestOwner(params, StoreNames.REQUEST_IMAGES, requestId, "/api/requests/" + requestId + "/image",
        () -> local.requestImage(requestId));
  }

  /** GET /api/evaluations/{requestId}/boxes: truth and top-1 boxes per phrase, envelope with status. */
  CompletableFuture<JsonNode> evaluationBoxes(QueryParameters params, String requestIdText) {
    UUID requestId = QueryParameters.uuid("requestId", requestIdText);
    return atRequestOwner(params, StoreNames.TRUTH, requestId, "/api/evaluations/" + requestId + "/boxes",
        () -> local.evaluationBoxes(requestId));
  }

  /** Answers here when asked locally, else at the instance owning the request's partition of {@code store}. */
  private CompletableFuture<JsonNode> atRequestOwner(QueryParameters params, String store, UUID requestId,
      String path, Supplier<JsonNode> answer) {
    if (params.local()) {
      return CompletableFuture.completedFuture(answer.get());
    }
    return cluster.atOwner(store, new RequestKey(requestId), requestKeySerializer, path, params.forwardable(), answer);
  }

  /** GET /api/evaluations/latest?n= */
  CompletableFuture<JsonNode> latestEvaluations(QueryParameters params) {
    int n = params.intInRange("n", 20, 1, 1000);
    if (params.local()) {
      return CompletableFuture.completedFuture(local.latestEvaluations(n));
    }
    return cluster.fanOut(StoreNames.EVALUATIONS, "/api/evaluations/latest", params.forwardable(),
        () -> local.latestEvaluations(n)).thenApply(answers -> newest(concatenate(answers), "evaluatedAt", n));
  }

  /** GET /api/compare?a=&b=&dataset=&metric=: see {@link ComparisonJson} for the answer. */
  CompletableFuture<JsonNode> compare(QueryParameters params) {
    String a = params.model("a", true);
    String b = params.model("b", true);
    if (a.equals(b)) {
      throw new BadRequestException("a and b must be different model versions");
    }
    String dataset = params.optional("dataset");
    HitMetric metric = metric(params.optional("metric"));
    Supplier<JsonNode> answer = () -> local.pairedCounts(a, b, dataset, metric);
    if (params.local()) {
      return CompletableFuture.completedFuture(answer.get());
    }
    return cluster.fanOut(StoreNames.EVALUATIONS, "/api/compare", params.forwardable(), answer)
        .thenApply(answers -> ComparisonJson.merged(a, b, dataset, metric, answers));
  }

  /** GET /api/signals?model=&dataset=&from=&to= */
  CompletableFuture<JsonNode> signals(QueryParameters params) {
    String model = params.model("model", false);
    String dataset = params.optional("dataset");
    String category = params.optional("category");
    long from = params.time("from", 0);
    long to = params.time("to", Long.MAX_VALUE);
    Supplier<JsonNode> answer = () -> local.signals(model, dataset, category, from, to);
    if (params.local()) {
      return CompletableFuture.completedFuture(answer.get());
    }
    return cluster.fanOut(StoreNames.SIGNALS_TUMBLING, "/api/signals", params.forwardable(), answer)
        .thenApply(EvalApi::concatenate);
  }

  /** GET /api/alerts?n= */
  CompletableFuture<JsonNode> alerts(QueryParameters params) {
    int n = params.intInRange("n", 20, 1, 1000);
    if (params.local()) {
      return CompletableFuture.completedFuture(local.alerts(n));
    }
    return cluster.fanOut(StoreNames.ACCURACY_ALERT_STATE, "/api/alerts", params.forwardable(),
        () -> local.alerts(n)).thenApply(answers -> newest(concatenate(answers), "raisedAt", n));
  }

  static HitMetric metric(String name) {
    if (name == null) {
      return HitMetric.RECALL_AT_1;
    }
    String normalized = name.replaceAll("([a-z])([A-Z0-9])", "$1_$2").replace('@', '_')
        .toUpperCase(Locale.ROOT);
    for (HitMetric metric : HitMetric.values()) {
      if (metric.name().equals(normalized) || metric.name().replace("_", "").equals(normalized.replace("_", ""))) {
        return metric;
      }
    }
    throw new BadRequestException("unknown metric " + name + "; use one of " + List.of(HitMetric.values()));
  }

  private static ArrayNode concatenate(List<JsonNode> answers) {
    ArrayNode all = NODES.arrayNode();
    answers.forEach(answer -> answer.forEach(all::add));
    return all;
  }

  private static ArrayNode newest(ArrayNode items, String timeField, int n) {
    List<JsonNode> sorted = new ArrayList<>();
    items.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong((JsonNode node) -> node.path(timeField).asLong()).reversed());
    ArrayNode out = NODES.arrayNode();
    sorted.stream().limit(n).forEach(out::add);
    return out;
  }
}
