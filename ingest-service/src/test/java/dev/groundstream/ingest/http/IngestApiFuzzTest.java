package dev.groundstream.ingest.http;

import static dev.groundstream.ingest.http.IngestHarness.ACME_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.ingest.TestImages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * At least 2,000 random and mutated requests over loopback, 8 in flight: the service must never
 * answer 5xx, never drop a connection, and still be healthy afterwards. Seeded: a failure names
 * the seed and the case to replay.
 */
@ExtendWith(SharedIngestHarness.class)
class IngestApiFuzzTest {
  static final int REQUESTS = 2200;
  static final Duration TIME_LIMIT = Duration.ofSeconds(150);
  static final long SEED = 20261122L;

  @Test
  void noServerErrorsAndNoCrashes(IngestHarness harness) throws Exception {
    HttpCalls http = new HttpCalls(harness.service.port());
    Random random = new Random(SEED);
    List<byte[]> seeds = List.of(TestImages.jpeg(48, 32), TestImages.png(40, 30), TestImages.noisyJpeg(32, 32, 5, 0.8f));
    Semaphore inFlight = new Semaphore(8);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<?>> calls = new ArrayList<>();
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    int sent = 0;
    while (sent < REQUESTS && System.nanoTime() < deadline) {
      int caseNumber = sent++;
      int kind = random.nextInt(8);
      HttpRequest request = request(http.base, kind, random, seeds);
      inFlight.acquire();
      calls.add(http.client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
        inFlight.release();
        if (error != null) {
          failures.add("case " + caseNumber + " (kind " + kind + "): " + error);
        } else {
          statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
          if (response.statusCode() >= 500) {
            failures.add("case " + caseNumber + " (kind " + kind + "): " + response.statusCode() + " " + response.body());
          }
        }
      }));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    System.out.println("Fuzz seed " + SEED + ": " + sent + " requests, statuses " + statuses);
    assertTrue(sent >= 2000, "only " + sent + " requests within " + TIME_LIMIT);
    assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.stream().limit(5).toList());
    assertEquals(200, http.get("/health", null).statusCode());
  }

  private static HttpRequest request(String base, int kind, Random random, List<byte[]> seeds) {
    HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30)).header("X-API-Key", ACME_KEY);
    byte[] image = seeds.get(random.nextInt(seeds.size()));
    switch (kind) {
      case 0 -> { // valid image, random phrases and boxes
        return json(b, base, metadata(random).put("image", base64(image)).encode());
      }
      case 1 -> { // mutated image bytes
        return json(b, base, metadata(random).put("image", base64(mutate(image, random))).encode());
      }
      case 2 -> { // random bytes under a random content type
        byte[] body = new byte[random.nextInt(4096)];
        random.nextBytes(body);
        String[] types = {"application/json", "multipart/form-data; boundary=xyz", "image/jpeg", "text/plain",
            "application/x-www-form-urlencoded"};
        return b.uri(URI.create(base + "/v1/requests")).header("content-type", types[random.nextInt(types.length)])
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      }
      case 3 -> { // mutated JSON text
        String text = metadata(random).put("image", base64(image)).encode();
        byte[] mutated = mutate(text.getBytes(StandardCharsets.UTF_8), random);
        return b.uri(URI.create(base + "/v1/requests")).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(mutated)).build();
      }
      case 4 -> { // multipart, image or structure mutated
        byte[] body = multipart(metadata(random).encode(), random.nextBoolean() ? image : mutate(image, random));
        if (random.nextBoolean()) {
          body = mutate(body, random);
        }
        return b.uri(URI.create(base + "/v1/requests")).header("content-type", "multipart/form-data; boundary=fuzzb")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      }
      case 5 -> { // labels with random content
        JsonObject label = new JsonObject().put("requestId", random.nextBoolean() ? "nope" : java.util.UUID.randomUUID().toString())
            .put("phraseId", "p" + random.nextInt(3));
        if (random.nextBoolean()) {
          label.put("boxes", new JsonArray().add(new JsonArray().add(random.nextGaussian() * 100).add(1).add(2).add(3)));
        } else {
          label.put("notVisible", random.nextBoolean());
        }
        return b.uri(URI.create(base + "/v1/labels")).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(random.nextInt(4) == 0 ? label.encode().substring(3) : label.encode()))
            .build();
      }
      case 6 -> { // odd paths and methods
        String[] paths = {"/v1/requests/" + random.nextLong(), "/v1/requests/%00", "/v1/labels", "/v1/requests",
            "/v1/requests/" + java.util.UUID.randomUUID(), "/metrics", "/health", "/v1/../etc/passwd", "/v1/requests/a/b"};
        String[] methods = {"GET", "PUT", "DELETE", "PATCH", "POST", "OPTIONS"};
        return b.uri(URI.create(base + paths[random.nextInt(paths.length)]))
            .method(methods[random.nextInt(methods.length)], HttpRequest.BodyPublishers.ofString("{}")).build();
      }
      default -> { // URI images, mostly refused
        String[] uris = {"http://127.0.0.1/x.jpg", "http://10.0.0." + random.nextInt(255) + "/a.png", "file:///dev/zero",
            "ftp://example.com/a", "http://[fe80::1]/a", "not a uri at all", "https://", "http://169.254.169.254/"};
        return json(b, base, metadata(random).put("image", new JsonObject().put("uri", uris[random.nextInt(uris.length)])).encode());
      }
    }
  }

  private static HttpRequest json(HttpRequest.Builder b, String base, String body) {
    return b.uri(URI.create(base + "/v1/requests")).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static JsonObject base64(byte[] image) {
    return new JsonObject().put("base64", Base64.getEncoder().encodeToString(image));
  }

  /** A caption with random (often invalid) phrases, boxes and types. */
  private static JsonObject metadata(Random random) {
    String caption = random.nextInt(10) == 0 ? "" : "A man in a red shirt walks a dog near the lake";
    JsonObject metadata = new JsonObject().put("caption", caption);
    if (random.nextInt(3) > 0) {
      JsonArray phrases = new JsonArray();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        int start = random.nextInt(60) - 5;
        JsonObject p = new JsonObject().put("start", start).put("end", start + random.nextInt(15) - 2);
        if (random.nextBoolean()) {
          p.put("types", new JsonArray().add(random.nextBoolean() ? "people" : "martians"));
        }
        if (random.nextBoolean()) {
          p.put("boxes", new JsonArray().add(new JsonArray().add(random.nextInt(60) - 5).add(random.nextInt(40))
              .add(random.nextInt(70)).add(random.nextInt(50))));
        }
        if (random.nextInt(5) == 0) {
          p.put("notVisible", true);
        }
        phrases.add(p);
      }
      metadata.put("phrases", phrases);
    }
    if (random.nextInt(4) == 0) {
      metadata.put("clientRequestId", "fuzz-" + random.nextInt(50));
    }
    return metadata;
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(4)) {
      case 0 -> { // flip some bytes
        int flips = 1 + random.nextInt(20);
        for (int i = 0; i < flips; i++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
      }
      case 1 -> { // truncate
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      case 2 -> { // duplicate a slice
        int from = random.nextInt(bytes.length);
        int len = Math.min(bytes.length - from, random.nextInt(200));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from + len);
        out.write(bytes, from, bytes.length - from);
        return out.toByteArray();
      }
      default -> { // header bytes only
        for (int i = 0; i < 4; i++) {
          bytes[random.nextInt(Math.min(bytes.length, 200))] = (byte) random.nextInt(256);
        }
        return bytes;
      }
    }
  }

  private static byte[] multipart(String metadata, byte[] image) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--fuzzb\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadata + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes("--fuzzb\r\nContent-Disposition: form-data; name=\"image\"; filename=\"i\"\r\nContent-Type: image/jpeg\r\n\r\n"
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(image);
    body.writeBytes("\r\n--fuzzb--\r\n".getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }
}
