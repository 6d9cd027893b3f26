package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.HttpCalls.json;
import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static dev.groundstream.ingest.http.IngestHarness.GLOBEX_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.avro.Timings;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroSerializer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/requests/{id}/result against a real broker: results written by a transactional producer
 * (as the worker writes them) appear, aborted ones never do, a long poll wakes on the commit, and
 * the tenant and unknown-id rules of the rest of the API hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedIngestHarness.class)
class ResultEndpointTest {
  IngestHarness harness;
  HttpCalls http;
  KafkaProducer<RequestKey, GroundingResult> producer;

  @BeforeAll
  void start(IngestHarness shared) {
    harness = shared;
    http = new HttpCalls(harness.service.port());
    var registry = SchemaRegistryClients.shared(RegistryConnection.of(harness.registry.url()));
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.kafka.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "result-endpoint-test-" + UUID.randomUUID()),
        new AvroSerializer<>(registry, true, true), new AvroSerializer<>(registry, false, true));
    producer.initTransactions();
  }

  @AfterAll
  void stop() {
    producer.close();
  }

  @Test
  void longPollReturnsTheCommittedBoxesOfEveryModelAndNeverAnAbortedOne() throws Exception {
    UUID id = upload(ACME_KEY, "A dog catches a ball");
    JsonObject notYet = json(http.get("/v1/requests/" + id + "/result", ACME_KEY));
    assertEquals("not_grounded_yet", notYet.getJsonObject("error").getString("reason"));

    write(result(id, "aborted-model", 1f), false);
    CompletableFuture<HttpResponse<String>> polling = http.client.sendAsync(
        HttpRequest.newBuilder(URI.create(http.base + "/v1/requests/" + id + "/result?wait=20s"))
            .header("X-API-Key", ACME_KEY).timeout(Duration.ofSeconds(40)).build(),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(1500); // the aborted result has been read past by now (it is not served)
    assertTrue(!polling.isDone(), "the long poll must not answer with the aborted result");
    write(result(id, "ranker", 2f), true);

    HttpResponse<String> answer = polling.get();
    assertEquals(200, answer.statusCode(), answer.body());
    JsonArray results = json(answer).getJsonArray("results");
    assertEquals(1, results.size());
    JsonObject ranker = results.getJsonObject(0);
    assertEquals("ranker", ranker.getJsonObject("model").getString("name"));
    JsonObject dog = ranker.getJsonArray("phrases").getJsonObject(0);
    assertEquals("A dog", dog.getString("text"));
    assertEquals(List.of("animals"), dog.getJsonArray("types").getList());
    JsonArray boxes = dog.getJsonArray("boxes");
    assertEquals(2, boxes.size());
    assertEquals(20.0, boxes.getJsonObject(0).getDouble("x1"), 1e-6); // 10 * the marker 2
    assertEquals(0.9, boxes.getJsonObject(0).getDouble("score"), 1e-6);
    assertEquals(0.4, boxes.getJsonObject(1).getDouble("score"), 1e-6);

    write(result(id, "ranker-v2", 3f), true);
    awaitModels(id, 2);
  }

  @Test
  void anotherTenantGets403AndAnUnknownId404() throws Exception {
    UUID id = upload(ACME_KEY, "A man rides a horse");
    HttpResponse<String> other = http.get("/v1/requests/" + id + "/result", GLOBEX_KEY);
    assertEquals(403, other.statusCode());
    assertEquals("wrong_tenant", json(other).getJsonObject("error").getString("reason"));
    HttpResponse<String> unknown = http.get("/v1/requests/" + UUID.randomUUID() + "/result?wait=5s", ACME_KEY);
    assertEquals(404, unknown.statusCode());
    assertEquals("unknown_request", json(unknown).getJsonObject("error").getString("reason"));
    assertEquals(400, http.get("/v1/requests/" + id + "/result?wait=soon", ACME_KEY).statusCode());
  }

  @Test
  void waitAboveTheCapIsClampedToIt() throws Exception {
    UUID id = upload(ACME_KEY, "A child with a kite");
    try (IngestService capped = harness.startAnother(Map.of(IngestConfig.RESULTS_WAIT_MAX_MS, "500"))) {
      HttpCalls cappedHttp = new HttpCalls(capped.port());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (cappedHttp.get("/v1/requests/" + id, ACME_KEY).statusCode() != 200 && System.nanoTime() < deadline) {
        Thread.sleep(100); // the second instance learns the request from the index topic
      }
      long began = System.nanoTime();
      HttpResponse<String> answer = cappedHttp.get("/v1/requests/" + id + "/result?wait=600s", ACME_KEY);
      long tookMs = (System.nanoTime() - began) / 1_000_000;
      assertEquals(404, answer.statusCode(), answer.body());
      assertEquals("not_grounded_yet", json(answer).getJsonObject("error").getString("reason"));
      assertTrue(tookMs >= 450 && tookMs < 10_000, "waited " + tookMs + " ms for a 500 ms cap");
    }
  }

  private void awaitModels(UUID id, int models) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = http.get("/v1/requests/" + id + "/result", ACME_KEY);
      seen = r.statusCode() == 200 ? json(r).getJsonArray("results").size() : 0;
      if (seen == models) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(models, seen);
  }

  private UUID upload(String key, String caption) throws Exception {
    HttpResponse<String> response = http.postImage(key, TestImages.png(64, 48), new JsonObject().put("caption", caption));
    assertEquals(202, response.statusCode(), response.body());
    return UUID.fromString(json(response).getString("requestId"));
  }

  private void write(GroundingResult result, boolean commit) throws Exception {
    producer.beginTransaction();
    producer.send(new ProducerRecord<>(Topics.RESULTS, new RequestKey(result.getRequestId()), result)).get();
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.abortTransaction();
    }
  }

  /** One phrase ("A dog", animals), two boxes whose x1 is 10 * marker, scores 0.9 and 0.4. */
  private static GroundingResult result(UUID id, String model, float marker) {
    List<Box> boxes = List.of(
        Box.newBuilder().setX1(10 * marker).setY1(5).setX2(40).setY2(30).setScore(0.9f).build(),
        Box.newBuilder().setX1(1).setY1(1).setX2(20).setY2(20).setScore(0.4f).build());
    Instant now = Instant.now();
    return GroundingResult.newBuilder().setRequestId(id)
        .setModel(ModelRef.newBuilder().setName(model).setVersion("1.0.0").build())
        .setRequestCreatedAt(now).setProducedAt(now).setImageWidth(64).setImageHeight(48)
        .setPhrases(List.of(PhraseResult.newBuilder().setPhraseId("p0").setText("A dog")
            .setTypes(List.of(PhraseType.animals)).setBoxes(boxes).build()))
        .setTimings(Timings.newBuilder().build())
        .build();
  }
}
