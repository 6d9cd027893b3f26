package dev.groundstream.eval.streams;

import static dev.groundstream.eval.testing.EvalRecords.MISS;
import static dev.groundstream.eval.testing.EvalRecords.T0;
import static dev.groundstream.eval.testing.EvalRecords.TARGET;
import static dev.groundstream.eval.testing.EvalRecords.id;
import static dev.groundstream.eval.testing.EvalRecords.model;
import static dev.groundstream.eval.testing.EvalRecords.predicted;
import static dev.groundstream.eval.testing.EvalRecords.result;
import static dev.groundstream.eval.testing.EvalRecords.truth;
import static dev.groundstream.eval.testing.EvalRecords.truthPhrase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.eval.query.LocalQueries;
import dev.groundstream.eval.testing.EvalRequests;
import dev.groundstream.eval.testing.SharedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** grounding.requests -> the bounded image store, and the viewer's image and boxes queries over it. */
@ExtendWith(SharedKafka.class)
class RequestImagesTest {
  @TempDir
  Path stateDir;
  @TempDir
  Path blobDir;
  @TempDir
  Path elsewhere;
  private TopologyHarness harness;
  private LocalQueries queries;

  @BeforeEach
  void start() {
    harness = new TopologyHarness(TopologyHarness.config(SharedKafka.registry(), stateDir).withBlobDir(blobDir));
    queries = new LocalQueries(new DriverStoreAccess(harness.driver), harness.config);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void inlineImageIsServedByteExact() {
    byte[] png = EvalRequests.png();
    UUID request = id("inline-image");
    send(EvalRequests.inline(request, png, T0), T0);
    JsonNode image = queries.requestImage(request);
    assertEquals(200, image.get("status").asInt());
    assertEquals("image/png", image.get("contentType").asText());
    assertArrayEquals(png, Base64.getDecoder().decode(image.get("data").asText()));
  }

  @Test
  void unknownRequestIsNotFound() {
    JsonNode image = queries.requestImage(id("never-sent"));
    assertEquals(404, image.get("status").asInt());
    assertTrue(image.get("error").asText().contains("unknown"));
  }

  @Test
  void fileInsideBlobDirIsServedAndAnythingElseRefused() throws Exception {
    byte[] png = EvalRequests.png();
    Path inside = Files.write(blobDir.resolve("ab.png"), png);
    Path outside = Files.write(elsewhere.resolve("secret.png"), png);
    UUID good = id("file-inside");
    UUID bad = id("file-outside");
    UUID escape = id("file-dot-dot");
    UUID web = id("http-uri");
    send(EvalRequests.byUri(good, inside.toUri().toString(), T0), T0);
    send(EvalRequests.byUri(bad, outside.toUri().toString(), T0), T0);
    send(EvalRequests.byUri(escape, blobDir.toUri() + "../" + elsewhere.getFileName() + "/secret.png", T0), T0);
    send(EvalRequests.byUri(web, "http://127.0.0.1:1/image.png", T0), T0);

    JsonNode served = queries.requestImage(good);
    assertEquals(200, served.get("status").asInt());
    assertArrayEquals(png, Base64.getDecoder().decode(served.get("data").asText()));
    for (UUID refused : new UUID[] {bad, escape, web}) {
      JsonNode answer = queries.requestImage(refused);
      assertEquals(403, answer.get("status").asInt(), refused + ": " + answer);
      assertFalse(answer.has("data"));
    }
  }

  @Test
  void imagesExpireAfterImageRetention() {
    UUID old = id("old-image");
    send(EvalRequests.inline(old, EvalRequests.png(), T0), T0);
    assertEquals(200, queries.requestImage(old).get("status").asInt());
    // Stream time moves past the retention (default 6h): the old segment is dropped.
    Instant later = T0.plus(Duration.ofHours(7));
    send(EvalRequests.inline(id("new-image"), EvalRequests.png(), later), later);
    assertEquals(404, queries.requestImage(old).get("status").asInt());
    assertEquals(200, queries.requestImage(id("new-image")).get("status").asInt());
  }

  @Test
  void boxesGiveTruthAndTopOnePerPhraseWithHits() {
    UUID request = id("boxes");
    harness.truth(truth(request, truthPhrase("p0", PhraseType.people, TARGET),
        truthPhrase("p1", PhraseType.clothing, TARGET)));
    harness.result(result(request, model("viewer", "1"), T0, 20, predicted("p0", TARGET, 0.9f, PhraseType.people),
        predicted("p1", MISS, 0.4f, PhraseType.clothing)));

    JsonNode boxes = queries.evaluationBoxes(request);
    assertEquals(200, boxes.get("status").asInt());
    assertEquals(500, boxes.get("imageWidth").asInt());
    assertEquals(2, boxes.get("truth").size());
    assertEquals(100.0, boxes.get("truth").get(0).get("boxes").get(0).get("x2").asDouble());
    JsonNode phrases = boxes.get("models").get(0).get("phrases");
    assertEquals("viewer:1", boxes.get("models").get(0).get("model").asText());
    assertTrue(phrases.get(0).get("hitAt1").asBoolean());
    assertFalse(phrases.get(1).get("hitAt1").asBoolean());
    assertEquals(MISS[0], phrases.get(1).get("top1").get("x1").floatValue());
    assertEquals(404, queries.evaluationBoxes(id("no-such-request")).get("status").asInt());
  }

  private void send(GroundingRequest request, Instant at) {
    harness.requests.pipeInput(new RequestKey(request.getRequestId()), request, at);
  }
}
