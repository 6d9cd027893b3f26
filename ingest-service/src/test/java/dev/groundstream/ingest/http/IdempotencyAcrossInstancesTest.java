package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.HttpCalls.json;
import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static dev.groundstream.ingest.http.IngestHarness.GLOBEX_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.IngestAccepted;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.RequestIds;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.schemas.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The idempotency index (grounding.ingest.accepted) on a real broker: a repeated client request id
 * reaching a restarted instance, or a second instance, is answered with the first answer and
 * writes nothing; GET and labels know requests an earlier instance accepted. The services here
 * are extra instances on the shared broker; client ids are unique per run, so counts are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedIngestHarness.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdempotencyAcrossInstancesTest {
  private static final Map<String, String> SETTINGS = Map.of(
      "rate.limit.per.second", "100000", "rate.limit.burst", "100000");

  IngestHarness harness;

  @BeforeAll
  void start(IngestHarness shared) {
    harness = shared;
  }

  private static JsonObject upload(String clientId) {
    return new JsonObject().put("caption", "A dog on a sofa").put("clientRequestId", clientId)
        .put("phrases", new JsonArray().add(new JsonObject().put("start", 0).put("end", 5))
            .add(new JsonObject().put("start", 9).put("end", 15)));
  }

  /** Records for the id on grounding.requests, read from the beginning. */
  private long requestRecords(String requestId) {
    return harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
        r -> r.getRequestId().toString().equals(requestId), 1).size();
  }

  @Test
  void repeatAfterARestartIsAnsweredFromTheIndexAndWritesNothing() throws Exception {
    String clientId = "restart-" + UUID.randomUUID();
    JsonObject first;
    try (IngestService a = harness.startAnother(SETTINGS)) {
      HttpResponse<String> posted = new HttpCalls(a.port()).postImage(ACME_KEY, TestImages.png(60, 40), upload(clientId));
      assertEquals(202, posted.statusCode(), posted.body());
      first = json(posted);
    }
    String id = first.getString("requestId");
    assertEquals(RequestIds.forClientKey("acme", clientId).toString(), id);
    List<IngestAccepted> indexed = harness.topics.values(Topics.INGEST_ACCEPTED, IngestAccepted.class,
        r -> r.getRequestId().toString().equals(id), 1);
    assertEquals(1, indexed.size(), "one index record, written before the 202");
    assertEquals("acme", indexed.get(0).getTenant());
    assertEquals(null, indexed.get(0).getRequest().getImage().getInline(), "the index holds no image bytes");

    try (IngestService b = harness.startAnother(SETTINGS)) {
      HttpCalls http = new HttpCalls(b.port());
      HttpResponse<String> health = http.get("/health", null);
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(json(health).getJsonObject("index").getBoolean("caughtUp"), health.body());
      assertTrue(json(health).getJsonObject("index").getLong("recordsRead") >= 1, health.body());

      HttpResponse<String> repeat = http.postImage(ACME_KEY, TestImages.png(60, 40), upload(clientId));
      assertEquals(202, repeat.statusCode(), repeat.body());
      assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(""));
      assertEquals(id, json(repeat).getString("requestId"));
      assertEquals(new JsonArray().add("p0").add("p1"), json(repeat).getJsonArray("phraseIds"));
      assertEquals(first, json(repeat), "the first answer, field for field (Kafka offset and createdAt included)");
    }
    assertEquals(1, requestRecords(id), "the repeat must not write the request again");
  }

  @Test
  void repeatOnASecondInstanceAfterTheFirstIsIndexedWritesNothing() throws Exception {
    String clientId = "two-" + UUID.randomUUID();
    try (IngestService a = harness.startAnother(SETTINGS); IngestService b = harness.startAnother(SETTINGS)) {
      HttpCalls httpA = new HttpCalls(a.port());
      HttpCalls httpB = new HttpCalls(b.port());
      HttpResponse<String> first = httpA.postImage(ACME_KEY, TestImages.png(60, 40), upload(clientId));
      assertEquals(202, first.statusCode(), first.body());
      String id = json(first).getString("requestId");
      // Wait (not a timed assertion) until B's tail has read A's index record.
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (httpB.get("/v1/requests/" + id, ACME_KEY).statusCode() == 404 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      HttpResponse<String> repeat = httpB.postImage(ACME_KEY, TestImages.png(60, 40), upload(clientId));
      assertEquals(202, repeat.statusCode(), repeat.body());
      assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(""));
      assertEquals(id, json(repeat).getString("requestId"));
      assertEquals(json(first).getJsonArray("phraseIds"), json(repeat).getJsonArray("phraseIds"));
      assertEquals(1, requestRecords(id), "the repeat on the other instance must not write the request again");
    }
  }

  @Test
  void getAndLabelsKnowRequestsAcceptedBeforeARestart() throws Exception {
    String id;
    try (IngestService a = harness.startAnother(SETTINGS)) {
      HttpCalls http = new HttpCalls(a.port());
      // No client id: a random request id, indexed all the same so GET works after a restart.
      HttpResponse<String> posted = http.postImage(ACME_KEY, TestImages.png(80, 50),
          new JsonObject().put("caption", "A dog on a sofa").put("phrases", upload("x").getJsonArray("phrases")));
      assertEquals(202, posted.statusCode(), posted.body());
      id = json(posted).getString("requestId");
      HttpResponse<String> label = http.postJson("/v1/labels", ACME_KEY, new JsonObject().put("requestId", id)
          .put("phraseId", "p0").put("boxes", new JsonArray().add(new JsonArray().add(1).add(2).add(30).add(40))).encode());
      assertEquals(202, label.statusCode(), label.body());
    }
    try (IngestService b = harness.startAnother(SETTINGS)) {
      HttpCalls http = new HttpCalls(b.port());
      HttpResponse<String> got = http.get("/v1/requests/" + id, ACME_KEY);
      assertEquals(200, got.statusCode(), got.body());
      assertEquals(id, json(got).getString("requestId"));
      assertEquals(new JsonArray().add("p0").add("p1"), json(got).getJsonArray("phraseIds"));
      assertEquals(80, json(got).getJsonObject("image").getInteger("width"));
      assertEquals(1, json(got).getInteger("labeledPhrases"), "the label given before the restart is remembered");
      assertEquals(403, http.get("/v1/requests/" + id, GLOBEX_KEY).statusCode(), "still the owner's only");

      // A label after the restart merges with the one before it.
      HttpResponse<String> label = http.postJson("/v1/labels", ACME_KEY, new JsonObject().put("requestId", id)
          .put("phraseId", "p1").put("notVisible", true).encode());
      assertEquals(202, label.statusCode(), label.body());
    }
    List<GroundTruth> truths = harness.topics.values(Topics.TRUTH, GroundTruth.class,
        t -> t.getRequestId().toString().equals(id), 2);
    assertEquals(2, truths.size());
    assertEquals(List.of("p0", "p1"), truths.get(1).getPhrases().stream().map(PhraseTruth::getPhraseId).toList());
    assertFalse(truths.get(1).getPhrases().get(0).getBoxes().isEmpty(), "p0's boxes from before the restart are kept");
  }

  /** Last: the other tests read the index topic with a deserializer the poison would stop. */
  @Test
  @Order(Integer.MAX_VALUE)
  void anUndecodableIndexRecordIsSkippedAndTheRestStillLoads() throws Exception {
    String clientId = "poison-" + UUID.randomUUID();
    String id = RequestIds.forClientKey("acme", clientId).toString();
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
        Map.of("bootstrap.servers", harness.kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int partition = 0; partition < Topics.REQUEST_PARTITIONS; partition++) { // whichever partition the id uses
        raw.send(new ProducerRecord<>(Topics.INGEST_ACCEPTED, partition, new byte[] {1}, new byte[] {7, 7, 7})).get();
      }
    }
    try (IngestService a = harness.startAnother(SETTINGS)) {
      HttpResponse<String> posted = new HttpCalls(a.port()).postImage(ACME_KEY, TestImages.png(60, 40), upload(clientId));
      assertEquals(202, posted.statusCode(), posted.body());
    }
    try (IngestService b = harness.startAnother(SETTINGS)) {
      HttpCalls http = new HttpCalls(b.port());
      HttpResponse<String> health = http.get("/health", null);
      assertEquals(200, health.statusCode(), health.body());
      HttpResponse<String> repeat = http.postImage(ACME_KEY, TestImages.png(60, 40), upload(clientId));
      assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(""), repeat.body());
    }
    assertEquals(1, requestRecords(id));
  }
}
