package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.HttpCalls.json;
import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static dev.groundstream.ingest.http.IngestHarness.GLOBEX_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.RequestIds;
import dev.groundstream.ingest.TestImages;
import dev.groundstream.ingest.images.Sha256;
import dev.groundstream.schemas.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST an image and caption, read the Avro records back from the real broker, field by field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedIngestHarness.class)
class IngestApiEndToEndTest {
  static final int INLINE_MAX = IngestHarness.INLINE_MAX;

  IngestHarness harness;
  HttpCalls http;
  Path blobs;

  @BeforeAll
  void start(IngestHarness shared) throws Exception {
    harness = shared;
    http = new HttpCalls(harness.service.port());
    blobs = harness.blobDir;
  }

  private static Box box(float x1, float y1, float x2, float y2) {
    return Box.newBuilder().setX1(x1).setY1(y1).setX2(x2).setY2(y2).build();
  }

  @Test
  void jsonUploadWithPhrasesAndTruthIsWrittenExactly() throws Exception {
    byte[] png = TestImages.png(200, 100);
    String caption = "A man in a red shirt throws a frisbee";
    JsonObject metadata = new JsonObject()
        .put("caption", caption)
        .put("clientRequestId", "upload-1")
        .put("dataset", "live/e2e")
        .put("attributes", new JsonObject().put("camera", "test"))
        .put("phrases", new JsonArray()
            .add(new JsonObject().put("text", "a red shirt").put("start", 9).put("end", 20).put("types", new JsonArray().add("clothing"))
                .put("boxes", new JsonArray().add(new JsonArray().add(20).add(30).add(50.5).add(60))))
            .add(new JsonObject().put("start", 0).put("end", 5).put("types", new JsonArray().add("people").add("other"))
                .put("entityId", "7").put("boxes", new JsonArray().add(new JsonArray().add(10).add(20).add(59).add(90))
                    .add(new JsonArray().add(0).add(0).add(200).add(100))))
            .add(new JsonObject().put("start", 28).put("end", 37).put("notVisible", true)));
    Instant before = Instant.now();
    HttpResponse<String> response = http.postImage(ACME_KEY, png, metadata);
    assertEquals(202, response.statusCode(), response.body());
    JsonObject body = json(response);
    UUID id = RequestIds.forClientKey("acme", "upload-1");
    assertEquals(id.toString(), body.getString("requestId"));
    assertEquals(new JsonArray().add("p0").add("p1").add("p2"), body.getJsonArray("phraseIds"));
    assertEquals("/v1/requests/" + id, response.headers().firstValue("Location").orElseThrow());

    GroundingRequest request = harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
        r -> r.getRequestId().equals(id), 1).get(0);
    assertEquals("api", request.getSource());
    assertEquals("live/e2e", request.getDataset());
    assertEquals(caption, request.getCaption());
    assertEquals(Map.of("camera", "test"), request.getAttributes());
    assertFalse(request.getCreatedAt().isBefore(before.minusSeconds(1)));
    assertEquals(200, request.getImage().getWidth());
    assertEquals(100, request.getImage().getHeight());
    assertEquals("image/png", request.getImage().getContentType());
    assertEquals(png.length, request.getImage().getSizeBytes());
    assertEquals(Sha256.hex(png), request.getImage().getSha256());
    assertEquals(ByteBuffer.wrap(png), request.getImage().getInline());
    assertNull(request.getImage().getUri());
    // Phrases in caption order, ids p0.. in that order, spans exact.
    List<Phrase> phrases = request.getPhrases();
    assertEquals(List.of("A man", "a red shirt", "a frisbee"), phrases.stream().map(Phrase::getText).toList());
    assertEquals(List.of(0, 9, 28), phrases.stream().map(Phrase::getCharStart).toList());
    assertEquals(List.of(5, 20, 37), phrases.stream().map(Phrase::getCharEnd).toList());
    assertEquals(List.of(PhraseType.people, PhraseType.other), phrases.get(0).getTypes());
    assertEquals("7", phrases.get(0).getEntityId());
    assertEquals(List.of(), phrases.get(2).getTypes());

    GroundTruth truth = harness.topics.values(Topics.TRUTH, GroundTruth.class, t -> t.getRequestId().equals(id), 1).get(0);
    assertEquals("human", truth.getSource());
    assertEquals("live/e2e", truth.getDataset());
    assertEquals(200, truth.getImageWidth());
    assertEquals(100, truth.getImageHeight());
    assertEquals(request.getCreatedAt(), truth.getLabeledAt());
    List<PhraseTruth> t = truth.getPhrases();
    assertEquals(List.of("p0", "p1", "p2"), t.stream().map(PhraseTruth::getPhraseId).toList());
    assertEquals(List.of(box(10, 20, 59, 90), box(0, 0, 200, 100)), t.get(0).getBoxes());
    assertEquals("7", t.get(0).getEntityId());
    assertEquals(List.of(box(20, 30, 50.5f, 60)), t.get(1).getBoxes());
    assertEquals(List.of(PhraseType.clothing), t.get(1).getTypes());
    assertTrue(t.get(2).getNoBox());
    assertTrue(t.get(2).getBoxes().isEmpty());
  }

  @Test
  void multipartUploadWithoutPhrasesGetsExtractedTypedPhrases() throws Exception {
    byte[] jpeg = TestImages.jpeg(320, 240);
    HttpResponse<String> response = http.postMultipart(GLOBEX_KEY, jpeg, "image/jpeg",
        new JsonObject().put("caption", "A dog catches a ball in the park"));
    assertEquals(202, response.statusCode(), response.body());
    UUID id = UUID.fromString(json(response).getString("requestId"));
    GroundingRequest request = harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
        r -> r.getRequestId().equals(id), 1).get(0);
    assertEquals(320, request.getImage().getWidth());
    assertEquals("image/jpeg", request.getImage().getContentType());
    assertEquals("live", request.getDataset());
    List<Phrase> phrases = request.getPhrases();
    assertEquals(List.of("A dog", "a ball", "the park"), phrases.stream().map(Phrase::getText).toList());
    assertEquals(List.of(PhraseType.animals), phrases.get(0).getTypes());
    assertEquals(List.of(PhraseType.scene), phrases.get(2).getTypes());
    for (Phrase p : phrases) {
      assertEquals(p.getText(), request.getCaption().substring(p.getCharStart(), p.getCharEnd()));
    }
    assertTrue(harness.topics.values(Topics.TRUTH, GroundTruth.class, g -> g.getRequestId().equals(id), 0).isEmpty());
  }

  @Test
  void webpUploadIsAcceptedWithItsSizeAndTypeAndABombIsRefused() throws Exception {
    byte[] webp = TestImages.webp("lossy.webp");
    HttpResponse<String> response = http.postMultipart(ACME_KEY, webp, "image/webp",
        new JsonObject().put("caption", "A red square").put("phrases",
            new JsonArray().add(new JsonObject().put("start", 0).put("end", 12).put("boxes",
                new JsonArray().add(new JsonArray().add(10).add(8).add(30).add(30))))));
    assertEquals(202, response.statusCode(), response.body());
    UUID id = UUID.fromString(json(response).getString("requestId"));
    GroundingRequest request = harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
        r -> r.getRequestId().equals(id), 1).get(0);
    assertEquals("image/webp", request.getImage().getContentType());
    assertEquals(64, request.getImage().getWidth());
    assertEquals(48, request.getImage().getHeight());
    assertEquals(ByteBuffer.wrap(webp), request.getImage().getInline(), "inline bytes are the upload, untouched");
    long before = harness.recordsWritten();
    HttpResponse<String> bomb = http.postImage(ACME_KEY, dev.groundstream.ingest.BombImages.webp(),
        new JsonObject().put("caption", "A bomb"));
    assertEquals(413, bomb.statusCode(), bomb.body());
    assertEquals("too_many_pixels", json(bomb).getJsonObject("error").getString("reason"));
    assertEquals(before, harness.recordsWritten(), "refused input writes nothing");
  }

  @Test
  void largeImageTravelsByClaimCheck() throws Exception {
    byte[] jpeg = TestImages.noisyJpeg(300, 300, 1, 0.95f);
    assertTrue(jpeg.length > INLINE_MAX, "test image must exceed the inline limit: " + jpeg.length);
    HttpResponse<String> response = http.postImage(ACME_KEY, jpeg, new JsonObject().put("caption", "Colourful noise"));
    assertEquals(202, response.statusCode(), response.body());
    UUID id = UUID.fromString(json(response).getString("requestId"));
    GroundingRequest request = harness.topics.values(Topics.REQUESTS, GroundingRequest.class,
        r -> r.getRequestId().equals(id), 1).get(0);
    assertNull(request.getImage().getInline());
    String sha = Sha256.hex(jpeg);
    assertEquals(sha, request.getImage().getSha256());
    Path stored = Path.of(URI.create(request.getImage().getUri()));
    assertEquals(blobs.resolve(sha.substring(0, 2)).resolve(sha + ".jpg").toAbsolutePath(), stored);
    assertArrayEquals(jpeg, Files.readAllBytes(stored));
  }

  @Test
  void sameClientRequestIdTwiceWritesOneRequest() throws Exception {
    JsonObject metadata = new JsonObject().put("caption", "A cat on a mat").put("clientRequestId", "dup-42")
        .put("phrases", new JsonArray().add(new JsonObject().put("start", 0).put("end", 5)));
    long before = harness.topics.endOffsetSum(Topics.REQUESTS);
    HttpResponse<String> first = http.postImage(ACME_KEY, TestImages.png(50, 40), metadata);
    HttpResponse<String> second = http.postImage(ACME_KEY, TestImages.png(50, 40), metadata);
    assertEquals(202, first.statusCode(), first.body());
    assertEquals(202, second.statusCode(), second.body());
    assertEquals(json(first).getString("requestId"), json(second).getString("requestId"));
    assertEquals("true", second.headers().firstValue("Idempotent-Replayed").orElse(""));
    assertEquals(before + 1, harness.topics.endOffsetSum(Topics.REQUESTS));
    // Another tenant with the same client id gets its own request.
    HttpResponse<String> other = http.postImage(GLOBEX_KEY, TestImages.png(50, 40), metadata);
    assertEquals(202, other.statusCode());
    assertFalse(json(other).getString("requestId").equals(json(first).getString("requestId")));
  }

  @Test
  void getAndLabelsMergeIntoTheCompactedTruth() throws Exception {
    JsonObject metadata = new JsonObject().put("caption", "Two dogs chase a ball")
        .put("phrases", new JsonArray().add(new JsonObject().put("start", 0).put("end", 8))
            .add(new JsonObject().put("start", 15).put("end", 21)));
    HttpResponse<String> posted = http.postImage(ACME_KEY, TestImages.png(120, 80), metadata);
    assertEquals(202, posted.statusCode(), posted.body());
    String id = json(posted).getString("requestId");

    HttpResponse<String> got = http.get("/v1/requests/" + id, ACME_KEY);
    assertEquals(200, got.statusCode(), got.body());
    assertEquals("accepted", json(got).getString("status"));
    assertEquals(Topics.RESULTS, json(got).getJsonObject("results").getString("topic"));
    assertEquals(403, http.get("/v1/requests/" + id, GLOBEX_KEY).statusCode());
    assertEquals(404, http.get("/v1/requests/" + UUID.randomUUID(), ACME_KEY).statusCode());
    assertEquals(400, http.get("/v1/requests/not-a-uuid", ACME_KEY).statusCode());

    HttpResponse<String> label = http.postJson("/v1/labels", ACME_KEY, new JsonObject().put("requestId", id)
        .put("phraseId", "p1").put("boxes", new JsonArray().add(new JsonArray().add(5).add(6).add(30).add(40))).encode());
    assertEquals(202, label.statusCode(), label.body());
    HttpResponse<String> notVisible = http.postJson("/v1/labels", ACME_KEY, new JsonObject().put("requestId", id)
        .put("phraseId", "p0").put("notVisible", true).encode());
    assertEquals(202, notVisible.statusCode(), notVisible.body());
    assertEquals(403, http.postJson("/v1/labels", GLOBEX_KEY, new JsonObject().put("requestId", id)
        .put("phraseId", "p0").put("notVisible", true).encode()).statusCode());
    assertEquals(422, http.postJson("/v1/labels", ACME_KEY, new JsonObject().put("requestId", id)
        .put("phraseId", "p9").put("notVisible", true).encode()).statusCode());
    assertEquals(422, http.postJson("/v1/labels", ACME_KEY, new JsonObject().put("requestId", id)
        .put("phraseId", "p0").put("boxes", new JsonArray().add(new JsonArray().add(0).add(0).add(121).add(10))).encode())
        .statusCode());

    List<GroundTruth> truths = harness.topics.values(Topics.TRUTH, GroundTruth.class,
        t -> t.getRequestId().toString().equals(id), 2);
    assertEquals(2, truths.size());
    GroundTruth latest = truths.get(1);
    assertEquals("human", latest.getSource());
    assertEquals(List.of("p0", "p1"), latest.getPhrases().stream().map(PhraseTruth::getPhraseId).toList());
    assertTrue(latest.getPhrases().get(0).getNoBox());
    assertEquals(List.of(box(5, 6, 30, 40)), latest.getPhrases().get(1).getBoxes());
    assertEquals(2, json(http.get("/v1/requests/" + id, ACME_KEY)).getInteger("labeledPhrases"));
  }

  @Test
  void healthNeedsNoKeyAndMetricsNeedOne() throws Exception {
    HttpResponse<String> health = http.get("/health", null);
    assertEquals(200, health.statusCode(), health.body());
    assertEquals("UP", json(health).getJsonObject("broker").getString("status"));
    assertEquals("UP", json(health).getJsonObject("registry").getString("status"));
    assertEquals(401, http.get("/metrics", null).statusCode());
    http.postImage(ACME_KEY, TestImages.png(10, 10), new JsonObject().put("caption", "A red dot"));
    http.postImage(ACME_KEY, new byte[] {1, 2, 3}, new JsonObject().put("caption", "junk"));
    HttpResponse<String> metrics = http.get("/metrics", ACME_KEY);
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("ingest_requests_accepted_total"), metrics.body());
    assertTrue(metrics.body().contains("ingest_requests_rejected_total{reason=\"not_an_image\"}"), metrics.body());
    assertTrue(metrics.body().contains("ingest_image_bytes_sum"), metrics.body());
    assertTrue(metrics.body().contains("ingest_request_latency_seconds"), metrics.body());
  }
}
