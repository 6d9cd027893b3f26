package dev.groundstream.eval.service;

import static dev.groundstream.eval.testing.EvalRecords.MISS;
import static dev.groundstream.eval.testing.EvalRecords.T0;
import static dev.groundstream.eval.testing.EvalRecords.TARGET;
import static dev.groundstream.eval.testing.EvalRecords.model;
import static dev.groundstream.eval.testing.EvalRecords.predicted;
import static dev.groundstream.eval.testing.EvalRecords.result;
import static dev.groundstream.eval.testing.EvalRecords.truth;
import static dev.groundstream.eval.testing.EvalRecords.truthPhrase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.MetricKey;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.stats.Interval;
import dev.groundstream.eval.stats.PairedCounts;
import dev.groundstream.eval.stats.PairedDifferenceInterval;
import dev.groundstream.eval.stats.WilsonInterval;
import dev.groundstream.eval.testing.EvalRecords;
import dev.groundstream.eval.testing.EvalRequests;
import dev.groundstream.eval.testing.Eventually;
import dev.groundstream.eval.testing.Http;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.eval.testing.TestTraffic;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service (same application id, each its own HTTP port) on a real broker:
 * topics, REST answers from either instance and the metrics topic must agree.
 */
@ExtendWith(SharedKafka.class)
class EvalServiceIntegrationTest {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  // Model names unique to this run: other tests in this JVM write to the same topics.
  private static final ModelRef OLD = model("it-" + RUN, "1.0.0");
  private static final ModelRef NEW = model("it-" + RUN, "2.0.0");
  private static final String OLD_ID = "it-" + RUN + ":1.0.0";
  private static final String NEW_ID = "it-" + RUN + ":2.0.0";
  private static final int REQUESTS = 12;
  private static final List<UUID> IDS = new ArrayList<>();
  private static final byte[] PNG = EvalRequests.png();

  @TempDir
  static Path stateDirs;
  private static EvalService first;
  private static EvalService second;

  @BeforeAll
  static void startTwoInstancesAndProduce() {
    String app = "eval-it-" + RUN;
    // Exactly-once v2 on the real broker: the DLQ and all outputs commit with the input offsets.
    first = RunningServices.start(RunningServices.config(app, stateDirs.resolve("a"),
        "--processing-guarantee=exactly_once_v2"));
    second = RunningServices.start(RunningServices.config(app, stateDirs.resolve("b"),
        "--processing-guarantee=exactly_once_v2"));
    Eventually.await("both instances RUNNING", Duration.ofSeconds(60),
        () -> first.state() == KafkaStreams.State.RUNNING && second.state() == KafkaStreams.State.RUNNING);

    try (TestTraffic traffic = new TestTraffic(SharedKafka.cluster().bootstrapServers(), SharedKafka.registry())) {
      for (int i = 0; i < REQUESTS; i++) {
        UUID id = EvalRecords.id(RUN + "-" + i);
        IDS.add(id);
        // The viewer's images: inline PNGs, except one claim check pointing outside any blob-dir.
        traffic.send(i == 1 ? EvalRequests.byUri(id, "file:/etc/hostname", T0.plusSeconds(i))
            : EvalRequests.inline(id, PNG, T0.plusSeconds(i)));
        Instant createdAt = T0.plusSeconds(i);
        var truth = truth(id, truthPhrase("p0", PhraseType.people, TARGET),
            truthPhrase("p1", PhraseType.clothing, TARGET));
        if (i % 2 == 0) {
          traffic.send(truth); // truth first for half the requests, result first for the others
        }
        // Old model: p0 always right, p1 right on even requests. New model: p0 right unless i % 3 == 0.
        traffic.send(result(id, OLD, createdAt, 20, predicted("p0", TARGET, 0.9f, PhraseType.people),
            predicted("p1", i % 2 == 0 ? TARGET : MISS, 0.8f, PhraseType.clothing)));
        traffic.send(result(id, NEW, createdAt, 30, predicted("p0", i % 3 == 0 ? MISS : TARGET, 0.7f,
            PhraseType.people), predicted("p1", MISS, 0.6f, PhraseType.clothing)));
        if (i % 2 == 1) {
          traffic.send(truth);
        }
      }
      traffic.flush();
    }
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void topicsAndRestApiAgreeFromEitherInstance() {
    // grounding.evaluations: one per (request, model).
    Map<EvaluationKey, Evaluation> evaluations = new HashMap<>();
    Map<MetricKey, AccuracySnapshot> metrics = new HashMap<>();
    var registry = SharedKafka.registry();
    try (KafkaConsumer<EvaluationKey, Evaluation> evaluationConsumer = consumer(
            AvroSerde.of(registry, EvaluationKey.class, true), AvroSerde.of(registry, Evaluation.class, false));
         KafkaConsumer<MetricKey, AccuracySnapshot> metricConsumer = consumer(
            AvroSerde.of(registry, MetricKey.class, true), AvroSerde.of(registry, AccuracySnapshot.class, false))) {
      evaluationConsumer.subscribe(List.of(Topics.EVALUATIONS));
      metricConsumer.subscribe(List.of(Topics.METRICS));
      Eventually.await("24 evaluations and final all-time metrics", Duration.ofSeconds(60), () -> {
        evaluationConsumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (IDS.contains(r.key().getRequestId())) {
            evaluations.put(r.key(), r.value());
          }
        });
        metricConsumer.poll(Duration.ofMillis(200)).forEach(r -> metrics.put(r.key(), r.value()));
        AccuracySnapshot old = metrics.get(allTimeKey(OLD_ID));
        AccuracySnapshot neu = metrics.get(allTimeKey(NEW_ID));
        return evaluations.size() == 2 * REQUESTS && old != null && old.getEvaluablePhrases() == 2 * REQUESTS
            && neu != null && neu.getEvaluablePhrases() == 2 * REQUESTS;
      });
    }
    AccuracySnapshot oldTopic = metrics.get(allTimeKey(OLD_ID));
    assertEquals(18, oldTopic.getHitsAt1()); // 12 p0 + 6 even p1
    assertEquals(8, metrics.get(allTimeKey(NEW_ID)).getHitsAt1());

    for (EvalService instance : List.of(first, second)) {
      int port = instance.httpPort();
      JsonNode old = Http.json(port, "/api/metrics?model=" + OLD_ID + "&dataset=" + EvalRecords.DATASET
          + "&category=all&window=all-time");
      assertEquals(1, old.size());
      assertEquals(oldTopic.getHitsAt1(), old.get(0).get("hitsAt1").asLong());
      assertEquals(oldTopic.getRecallAt1(), old.get(0).get("recallAt1").asDouble(), 1e-12);
      JsonNode scan = Http.json(port, "/api/metrics?category=all");
      assertTrue(scan.size() >= 2, "fan-out scan finds both models: " + scan);

      // Paired comparison: bothRight 8, onlyOld 10, onlyNew 0, bothWrong 6.
      JsonNode compare = Http.json(port, "/api/compare?a=" + OLD_ID + "&b=" + NEW_ID + "&dataset=" + EvalRecords.DATASET);
      assertEquals(24, compare.get("pairs").asLong());
      assertEquals(8, compare.get("bothRight").asLong());
      assertEquals(10, compare.get("onlyA").asLong());
      assertEquals(0, compare.get("onlyB").asLong());
      assertEquals(18.0 / 24, compare.get("accuracyA").asDouble(), 1e-12);
      assertEquals(8.0 / 24, compare.get("accuracyB").asDouble(), 1e-12);
      assertEquals(2 * Math.pow(0.5, 10), compare.get("mcNemarExactPValue").asDouble(), 1e-12);
      assertEquals(REQUESTS, compare.get("evaluationsA").asLong());
      assertEquals(REQUESTS, compare.get("evaluationsB").asLong());
      Interval wilsonA = WilsonInterval.of95(18, 24);
      assertEquals(wilsonA.lower(), compare.at("/accuracyAInterval/lower").asDouble(), 1e-12);
      assertEquals(wilsonA.upper(), compare.at("/accuracyAInterval/upper").asDouble(), 1e-12);
      Interval difference = PairedDifferenceInterval.of95(new PairedCounts(8, 10, 0, 6));
      assertEquals(difference.lower(), compare.at("/differenceInterval/lower").asDouble(), 1e-12);
      assertEquals(difference.upper(), compare.at("/differenceInterval/upper").asDouble(), 1e-12);
      assertEquals("TOO_FEW_PAIRS", compare.get("verdict").asText());
      // Per type: people (p0) 8 both right, 4 only old; clothing (p1) 6 only old, 6 both wrong.
      JsonNode people = compare.at("/types/people");
      assertEquals(List.of(8L, 4L, 0L, 0L), cells(people));
      assertEquals(List.of(0L, 6L, 0L, 6L), cells(compare.at("/types/clothing")));
      assertEquals(0, compare.at("/types/animals/pairs").asLong());
      assertEquals(2 * Math.pow(0.5, 4), people.get("mcNemarExactPValue").asDouble(), 1e-12);

      JsonNode latest = Http.json(port, "/api/evaluations/latest?n=5");
      assertEquals(5, latest.size());
    }
  }

  private static List<Long> cells(JsonNode comparison) {
    return List.of(comparison.get("bothRight").asLong(), comparison.get("onlyA").asLong(),
        comparison.get("onlyB").asLong(), comparison.get("bothWrong").asLong());
  }

  @Test
  void eachInstanceAnswersForKeysItDoesNotOwn() {
    Eventually.await("evaluations queryable", Duration.ofSeconds(60),
        () -> IDS.stream().allMatch(id -> Http.json(first.httpPort(), "/api/evaluations/" + id).size() == 2));
    int notOwnedByFirst = 0;
    int notOwnedBySecond = 0;
    for (UUID id : IDS) {
      JsonNode fromFirst = Http.json(first.httpPort(), "/api/evaluations/" + id);
      JsonNode fromSecond = Http.json(second.httpPort(), "/api/evaluations/" + id);
      assertEquals(fromFirst, fromSecond, "same answer from either instance for " + id);
      assertEquals(2, fromFirst.size());
      if (Http.json(first.httpPort(), "/api/evaluations/" + id + "?local=true").isEmpty()) {
        notOwnedByFirst++;
      }
      if (Http.json(second.httpPort(), "/api/evaluations/" + id + "?local=true").isEmpty()) {
        notOwnedBySecond++;
      }
    }
    assertEquals(REQUESTS, notOwnedByFirst + notOwnedBySecond, "every request is owned by exactly one instance");
    assertTrue(notOwnedByFirst > 0 && notOwnedBySecond > 0,
        "both instances answered for keys the other owns: " + notOwnedByFirst + "/" + notOwnedBySecond);
  }

  @Test
  void badParametersAreJsonErrors() {
    int port = first.httpPort();
    for (String bad : List.of("/api/compare?a=ranker&b=ranker:2.0.0", "/api/compare?a=x:1&b=x:1",
        "/api/evaluations/not-a-uuid", "/api/metrics?window=weekly", "/api/evaluations/latest?n=0",
        "/api/metrics?from=yesterday", "/api/compare?a=x:1&b=y:1&metric=accuracyAt3")) {
      Http.Response response = Http.get(port, bad);
      assertEquals(400, response.status(), bad + " -> " + response.body());
      assertTrue(response.json().get("error").asText().length() > 0);
    }
    assertEquals(404, Http.get(port, "/api/nothing").status());
  }

  @Test
  void healthAndPrometheus() {
    Http.Response health = Http.get(first.httpPort(), "/health");
    assertEquals(200, health.status());
    assertEquals("RUNNING", health.json().get("state").asText());
    String prometheus = Http.get(first.httpPort(), "/metrics").body();
    assertTrue(prometheus.contains("groundstream_eval_evaluations_total"), prometheus.substring(0, 200));
    assertTrue(prometheus.contains("kafka_stream"), "Kafka Streams metrics are bound");
  }

  @Test
  void imagesAndBoxesAnswerFromEitherInstance() {
    for (EvalService instance : List.of(first, second)) {
      int port = instance.httpPort();
      for (int i = 0; i < REQUESTS; i++) {
        UUID id = IDS.get(i);
        Http.BinaryResponse image = Eventually.value("image of " + id, Duration.ofSeconds(30), () -> {
          Http.BinaryResponse answer = Http.bytes(port, "/api/requests/" + id + "/image");
          return answer.status() == 404 ? null : answer; // the requests topic may still be being read
        });
        if (i == 1) {
          assertEquals(403, image.status(), "a file: URI outside blob-dir is refused");
          assertTrue(image.contentType().startsWith("application/json"));
        } else {
          assertEquals(200, image.status(), new String(image.body(), StandardCharsets.UTF_8));
          assertEquals("image/png", image.contentType());
          assertTrue(java.util.Arrays.equals(PNG, image.body()), "inline image served byte-exact");
        }
        JsonNode boxes = Http.json(port, "/api/evaluations/" + id + "/boxes");
        assertEquals(2, boxes.get("truth").size());
        assertEquals(2, boxes.get("models").size(), "both models' results");
      }
      Http.Response unknown = Http.get(port, "/api/requests/" + UUID.randomUUID() + "/image");
      assertEquals(404, unknown.status());
      assertEquals(404, unknown.json().get("status").asInt());
      assertEquals(404, Http.get(port, "/api/evaluations/" + UUID.randomUUID() + "/boxes").status());
      assertEquals(400, Http.get(port, "/api/requests/not-a-uuid/image").status());
    }
  }

  @Test
  void eventStreamPushesTheDashboardSnapshot() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + second.httpPort() + "/api/stream")).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      String event = null;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ") && "snapshot".equals(event)) {
          JsonNode snapshot = new ObjectMapper().readTree(line.substring(6));
          if (snapshot.has("allTime")) {
            assertEquals("RUNNING", snapshot.get("state").asText());
            // Cluster-wide: both models' aggregates, whichever instance owns them.
            List<String> models = new ArrayList<>();
            snapshot.get("allTime").forEach(metric -> models.add(metric.get("model").asText()));
            assertTrue(models.contains(OLD_ID) && models.contains(NEW_ID), models.toString());
            assertTrue(snapshot.get("latest").size() > 0);
            return;
          }
        }
      }
    }
    throw new AssertionError("the stream ended without a snapshot");
  }

  private static MetricKey allTimeKey(String model) {
    return new MetricKey(model, EvalRecords.DATASET, "all", "all-time", Instant.EPOCH);
  }

  private static <K extends org.apache.avro.specific.SpecificRecord, V extends org.apache.avro.specific.SpecificRecord> KafkaConsumer<K, V> consumer(
      AvroSerde<K> keys, AvroSerde<V> values) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.cluster().bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        keys.deserializer(), values.deserializer());
  }
}
