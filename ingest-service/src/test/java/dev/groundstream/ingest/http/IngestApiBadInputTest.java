package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.HttpCalls.json;
import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static dev.groundstream.ingest.http.IngestHarness.GLOBEX_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.groundstream.ingest.BombImages;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.TestImages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every refused input answers its status with a JSON error body and writes nothing to Kafka. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedIngestHarness.class)
class IngestApiBadInputTest {
  IngestHarness harness;
  HttpCalls http;
  long recordsBefore;

  @BeforeAll
  void start(IngestHarness shared) throws Exception {
    harness = shared;
    http = new HttpCalls(harness.service.port());
  }

  @BeforeEach
  void countRecords() {
    recordsBefore = harness.recordsWritten();
  }

  @AfterEach
  void nothingWasWritten() {
    assertEquals(recordsBefore, harness.recordsWritten(), "refused input must not reach Kafka");
  }

  private static void assertError(HttpResponse<String> response, int status, String reason) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonObject error = json(response).getJsonObject("error");
    assertEquals(status, error.getInteger("status"));
    assertEquals(reason, error.getString("reason"), response.body());
    assertTrue(error.getString("message").length() > 0);
  }

  private static JsonObject caption(String caption) {
    return new JsonObject().put("caption", caption);
  }

  private static JsonObject withPhrases(String caption, JsonObject... phrases) {
    JsonArray array = new JsonArray();
    Arrays.stream(phrases).forEach(array::add);
    return caption(caption).put("phrases", array);
  }

  private static JsonObject phrase(int start, int end) {
    return new JsonObject().put("start", start).put("end", end);
  }

  private static JsonArray box(double... values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return new JsonArray().add(a);
  }

  @Test
  void notAnImageAndTruncatedImagesAre400() throws Exception {
    byte[] random = new byte[5000];
    new Random(7).nextBytes(random);
    random[0] = 0x12;
    assertError(http.postImage(ACME_KEY, random, caption("A dog")), 400, "not_an_image");
    assertError(http.postMultipart(ACME_KEY, "hello".getBytes(), "image/jpeg", caption("A dog")), 400, "not_an_image");
    byte[] jpeg = TestImages.noisyJpeg(120, 120, 3, 0.9f);
    assertError(http.postImage(ACME_KEY, Arrays.copyOf(jpeg, jpeg.length * 6 / 10), caption("A dog")), 400, "corrupt_image");
    assertError(http.postImage(ACME_KEY, Arrays.copyOf(jpeg, 200), caption("A dog")), 400, "corrupt_image");
    byte[] png = TestImages.png(300, 200);
    assertError(http.postImage(ACME_KEY, Arrays.copyOf(png, png.length / 2), caption("A dog")), 400, "corrupt_image");
  }

  @Test
  void overTheByteOrPixelCapIs413() throws Exception {
    byte[] big = new byte[IngestHarness.IMAGE_MAX + 1000];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    assertError(http.postMultipart(ACME_KEY, big, "image/jpeg", caption("A dog")), 413, "image_too_large");
    assertError(http.postImage(ACME_KEY, new byte[IngestHarness.IMAGE_MAX * 3 / 2], caption("A dog")), 413, "body_too_large");
    // 100k x 100k declared in a few hundred bytes: refused from the header, before any decode.
    byte[] pngBomb = BombImages.png(100_000, 100_000);
    assertTrue(pngBomb.length < 200);
    assertError(http.postImage(ACME_KEY, pngBomb, caption("A dog")), 413, "too_many_pixels");
    assertError(http.postImage(ACME_KEY, BombImages.jpeg(60_000, 60_000), caption("A dog")), 413, "too_many_pixels");
    assertError(http.postImage(ACME_KEY, BombImages.png(8200, 8200), caption("A dog")), 413, "too_many_pixels");
    // 36 MP passes the pixel cap, but 16 bits x 3 channels decode to 216 MB: over image.max.decoded.bytes.
    assertError(http.postImage(ACME_KEY, BombImages.png(6000, 6000, 16), caption("A dog")), 413, "decoded_too_large");
  }

  @Test
  void inconsistentPhrasesAndDatasetNamesAre400() throws Exception {
    byte[] png = TestImages.png(100, 80);
    String dog = "a \uD83D\uDC36 dog"; // the emoji is a surrogate pair at offsets 2-3
    assertError(http.postImage(ACME_KEY, png, withPhrases(dog, phrase(0, 3))), 400, "split_surrogate");
    assertError(http.postImage(ACME_KEY, png, withPhrases(dog, phrase(3, 8))), 400, "split_surrogate");
    assertError(http.postJson("/v1/requests", ACME_KEY, "{\"caption\": \"a \\ud83d dog\", \"image\": {\"base64\": \""
        + java.util.Base64.getEncoder().encodeToString(png) + "\"}}"), 400, "bad_caption");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog",
        phrase(0, 5).put("notVisible", true).put("boxes", box(1, 2, 30, 40)))), 400, "not_visible_with_boxes");
    JsonArray many = new JsonArray();
    for (int i = 0; i < 10_000; i++) {
      many.add(new JsonArray().add(1).add(2).add(30).add(40));
    }
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("boxes", many))), 400, "too_many_boxes");
    for (String dataset : new String[] {"..", ".", "a/../b", "/abs", "trailing/", "double//slash", ".hidden", "x/.y"}) {
      assertError(http.postImage(ACME_KEY, png, caption("A dog").put("dataset", dataset)), 400, "bad_dataset");
    }
  }

  @Test
  void unsupportedMediaTypesAre415() throws Exception {
    assertError(http.postImage(ACME_KEY, TestImages.gif(20, 20), caption("A dog")), 415, "unsupported_media_type");
    HttpResponse<String> text = http.client.send(HttpRequest.newBuilder(URI.create(http.base + "/v1/requests"))
        .header("content-type", "text/plain").header("X-API-Key", ACME_KEY)
        .POST(HttpRequest.BodyPublishers.ofString("A dog")).build(), HttpResponse.BodyHandlers.ofString());
    assertError(text, 415, "unsupported_media_type");
  }

  @Test
  void badSpansAndPhrasesAre422() throws Exception {
    byte[] png = TestImages.png(100, 80);
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 9))), 422, "bad_span");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(-1, 3))), 422, "bad_span");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(3, 2))), 422, "bad_span");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("text", "A cat"))), 422, "bad_span");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog and a cat", phrase(0, 5), phrase(4, 9))), 422,
        "overlapping_phrases");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog   and", phrase(5, 8))), 422, "empty_phrase");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(2, 2))), 422, "empty_phrase");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("types", new JsonArray().add("robots")))),
        422, "bad_type");
    assertError(http.postImage(ACME_KEY, png, caption("   ")), 422, "missing_caption");
  }

  @Test
  void boxesOutsideTheImageOrInvertedAre422() throws Exception {
    byte[] png = TestImages.png(100, 80);
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("boxes", box(0, 0, 101, 10)))), 422,
        "box_outside_image");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("boxes", box(-1, 0, 10, 10)))), 422,
        "box_outside_image");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("boxes", box(10, 0, 10, 10)))), 422,
        "bad_box");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("boxes", box(10, 20, 5, 30)))), 422,
        "bad_box");
    assertError(http.postImage(ACME_KEY, png, withPhrases("A dog", phrase(0, 5).put("boxes", box(1, 2, 3)))), 422, "bad_box");
  }

  @Test
  void privateLoopbackAndLinkLocalUrisAre422() throws Exception {
    String[] refused = {
        "http://127.0.0.1:" + harness.service.port() + "/health",
        "http://localhost:" + harness.service.port() + "/health",
        "http://10.1.2.3/image.jpg",
        "http://192.168.0.10/image.jpg",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/image.jpg",
        "http://0.0.0.0/image.jpg",
        "file:/etc/passwd",
    };
    for (String uri : refused) {
      JsonObject body = caption("A dog").put("image", new JsonObject().put("uri", uri));
      assertError(http.postJson("/v1/requests", ACME_KEY, body.encode()), 422, "uri_not_allowed");
    }
    assertError(http.postJson("/v1/requests", ACME_KEY,
        caption("A dog").put("image", new JsonObject().put("uri", "gopher://example.com/")).encode()), 422, "bad_uri");
  }

  @Test
  void malformedBodiesAre400() throws Exception {
    assertError(http.postJson("/v1/requests", ACME_KEY, "{not json"), 400, "bad_json");
    assertError(http.postJson("/v1/requests", ACME_KEY, "[1,2]"), 400, "bad_json");
    assertError(http.postJson("/v1/requests", ACME_KEY, "{\"caption\": 5, \"image\": {\"base64\": \"AAAA\"}}"), 400, "bad_json");
    assertError(http.postJson("/v1/requests", ACME_KEY, "{\"caption\": \"A dog\"}"), 400, "missing_image");
    assertError(http.postJson("/v1/requests", ACME_KEY, "{\"caption\": \"A dog\", \"image\": {\"base64\": \"***\"}}"), 400,
        "bad_base64");
    assertError(http.postImage(ACME_KEY, TestImages.png(10, 10),
        withPhrases("A dog", new JsonObject().put("start", 0.5).put("end", 3))), 400, "bad_json");
  }

  @Test
  void missingOrWrongKeysAre401AndWrongTenantIs403() throws Exception {
    byte[] png = TestImages.png(10, 10);
    assertError(http.postImage(null, png, caption("A dog")), 401, "missing_api_key");
    assertError(http.postImage("not-a-key", png, caption("A dog")), 401, "bad_api_key");
    HttpResponse<String> wrongTenant = http.client.send(HttpRequest.newBuilder(URI.create(http.base + "/v1/requests"))
        .header("content-type", "application/json").header("X-API-Key", GLOBEX_KEY).header("X-Tenant", "acme")
        .POST(HttpRequest.BodyPublishers.ofString(caption("A dog").encode())).build(), HttpResponse.BodyHandlers.ofString());
    assertError(wrongTenant, 403, "wrong_tenant");
    assertError(http.get("/v1/requests/00000000-0000-0000-0000-000000000000", null), 401, "missing_api_key");
    assertError(http.get("/nothing-here", ACME_KEY), 404, "not_found");
  }

  @Test
  void floodOverTheTenantLimitIs429WithRetryAfter() throws Exception {
    try (IngestService limited = harness.startAnother(Map.of(
        IngestConfig.RATE_LIMIT_PER_SECOND, "1", IngestConfig.RATE_LIMIT_BURST, "3"))) {
      HttpCalls calls = new HttpCalls(limited.port());
      int limitedCount = 0;
      HttpResponse<String> last = null;
      for (int i = 0; i < 10; i++) {
        // Bad bodies: the limit applies before the body is read, and nothing is written either way.
        HttpResponse<String> r = calls.postJson("/v1/requests", ACME_KEY, "{}");
        if (r.statusCode() == 429) {
          limitedCount++;
          last = r;
        }
      }
      assertTrue(limitedCount >= 6, "429s: " + limitedCount);
      assertError(last, 429, "rate_limited");
      assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
      // Another tenant has its own bucket.
      assertEquals(400, calls.postJson("/v1/requests", GLOBEX_KEY, "{}").statusCode());
    }
  }

  @Test
  void uriToALocalServerIsFetchedOnlyWhenPrivateAddressesAreAllowed() throws Exception {
    byte[] png = TestImages.png(64, 32);
    HttpServer images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    images.createContext("/cat.png", exchange -> {
      exchange.sendResponseHeaders(200, png.length);
      exchange.getResponseBody().write(png);
      exchange.close();
    });
    images.start();
    try (IngestService permissive = harness.startAnother(Map.of(IngestConfig.URI_ALLOW_PRIVATE, "true"))) {
      String uri = "http://127.0.0.1:" + images.getAddress().getPort() + "/cat.png";
      JsonObject body = caption("A cat").put("image", new JsonObject().put("uri", uri));
      assertError(http.postJson("/v1/requests", ACME_KEY, body.encode()), 422, "uri_not_allowed");
      HttpResponse<String> accepted = new HttpCalls(permissive.port()).postJson("/v1/requests", ACME_KEY, body.encode());
      assertEquals(202, accepted.statusCode(), accepted.body());
      assertEquals(64, json(accepted).getJsonObject("image").getInteger("width"));
      recordsBefore += 1; // the one accepted request
    } finally {
      images.stop(0);
    }
  }
}
