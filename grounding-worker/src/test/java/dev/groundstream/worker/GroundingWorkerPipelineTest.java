package dev.groundstream.worker;

import static dev.groundstream.worker.WorkerTestKit.grayRequest;
import static dev.groundstream.worker.WorkerTestKit.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.worker.model.ModelDigest;
import dev.groundstream.worker.model.ScoredBox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real broker and registry: good requests (inline and by file: URI) get exactly
 * the fake detector's expected boxes; an undecodable image, unreadable record bytes, a NaN model
 * output and a URI outside the blob directory go to the DLQ with their source coordinates, inside
 * the stream, while the requests around them still get results.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroundingWorkerPipelineTest {
  static WorkerTestKit kit;
  @TempDir static Path blobs;

  @BeforeAll
  static void start() throws Exception {
    kit = WorkerTestKit.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @Test
  @Order(1)
  void groundsGoodRequestsAndDeadLettersBadOnes() throws Exception {
    Map<UUID, Integer> grayOf = new HashMap<>();
    Map<String, RecordMetadata> bad = new HashMap<>();
    Map<String, byte[]> badBytes = new HashMap<>();
    for (int i = 0; i < 32; i++) {
      UUID id = id("good", i);
      int gray = 10 + 6 * i;
      grayOf.put(id, gray);
      if (i < 30) {
        kit.send(grayRequest(id, gray));
      } else { // claim check: the image is a file in the blob directory
        byte[] png = TestFixtures.uniformPng(64, 32, gray);
        Path file = Files.write(blobs.resolve(id + ".png"), png);
        kit.send(WorkerTestKit.request(id, WorkerTestKit.uri(file, png, 64, 32)));
      }
      if (i == 5) {
        byte[] notAnImage = "definitely not a PNG".getBytes();
        GroundingRequest r = WorkerTestKit.request(id("bad-image", 0), WorkerTestKit.inline(notAnImage, 64, 32));
        bad.put("decode-image", kit.send(r));
      }
      if (i == 10) {
        byte[] garbage = {0x00, 0x00, 0x00, 0x7f, 0x7f, 1, 2, 3}; // Confluent framing, unknown schema id
        badBytes.put("deserialize", garbage);
        bad.put("deserialize", kit.sendRaw("k".getBytes(), garbage, null));
      }
      if (i == 15) {
        // 32x32 white fills the whole input: mean 1.0 > 0.9 makes the fake detector output NaN
        byte[] white = TestFixtures.uniformPng(32, 32, 255);
        bad.put("model-output", kit.send(WorkerTestKit.request(id("nan", 0), WorkerTestKit.inline(white, 32, 32))));
      }
      if (i == 20) {
        byte[] png = TestFixtures.uniformPng(64, 32, 50);
        Path outside = Files.write(Files.createTempFile("outside-blobs", ".png"), png);
        bad.put("load-image", kit.send(WorkerTestKit.request(id("outside", 0), WorkerTestKit.uri(outside, png, 64, 32))));
      }
    }

    WorkerConfig config = kit.config("fake-detector").withBlobDir(blobs).withHttpPort(0);
    try (GroundingWorker worker = GroundingWorker.start(config)) {
      List<GroundingResult> results = kit.readResults(r -> r.size() >= 32, Duration.ofSeconds(60));
      List<DeadLetter> dead = kit.readDeadLetters(d -> d.size() >= 4, Duration.ofSeconds(30));
      assertTrue(results.stream().anyMatch(r -> r.getBatchSize() > 1),
          "requests waiting in Kafka are batched together");

      assertEquals(32, results.size(), "one result per good request");
      assertEquals(grayOf.keySet(), results.stream().map(GroundingResult::getRequestId).collect(Collectors.toSet()));
      String digest = ModelDigest.of(TestFixtures.model("fake-detector"));
      for (GroundingResult result : results) {
        int gray = grayOf.get(result.getRequestId());
        assertEquals("fake-detector", result.getModel().getName());
        assertEquals("1.0.0", result.getModel().getVersion());
        assertEquals("detector-ranker", result.getModel().getKind());
        assertEquals(digest, result.getModel().getDigest());
        assertEquals("cpu", result.getDevice());
        assertEquals(64, result.getImageWidth());
        assertEquals("worker-test", result.getDataset());
        assertTrue(result.getBatchSize() >= 1 && result.getBatchSize() <= 8);
        assertEquals(List.of("p0", "p1"), result.getPhrases().stream().map(p -> p.getPhraseId()).toList());
        assertBoxes(FakeDetectorExpectations.personPhrase(gray), result.getPhrases().get(0).getBoxes());
        assertBoxes(FakeDetectorExpectations.dogPhrase(gray), result.getPhrases().get(1).getBoxes());
      }

      assertEquals(4, dead.size(), () -> "dead letters: " + dead);
      for (DeadLetter d : dead) {
        String step = d.getAttributes().get("step");
        RecordMetadata source = bad.get(step);
        assertTrue(source != null, "unexpected step " + step + ": " + d);
        assertEquals("worker", d.getStage());
        assertEquals("grounding.requests", d.getSourceTopic());
        assertEquals(source.partition(), d.getSourcePartition());
        assertEquals(source.offset(), d.getSourceOffset());
        assertEquals("fake-detector:1.0.0", d.getAttributes().get("model"));
        assertTrue(!d.getMessage().isBlank() && !d.getErrorClass().isBlank());
      }
      Map<String, DeadLetter> byStep = dead.stream().collect(Collectors.toMap(d -> d.getAttributes().get("step"), d -> d));
      assertArrayEquals(badBytes.get("deserialize"), bytes(byStep.get("deserialize").getOriginalValue()));
      assertEquals("dev.groundstream.worker.model.NonFiniteOutputException", byStep.get("model-output").getErrorClass());
      assertEquals("dev.groundstream.worker.model.ImageDecodeException", byStep.get("decode-image").getErrorClass());
      assertTrue(byStep.get("load-image").getMessage().contains("outside the blob directory"));
      assertEquals(id("nan", 0).toString(), byStep.get("model-output").getAttributes().get("requestId"));

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + worker.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"provider\":\"cpu\""), health.body());
      String metrics = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + worker.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      for (String name : List.of("groundstream_worker_batch_size", "groundstream_worker_queue_delay_seconds",
          "groundstream_worker_preprocess_seconds", "groundstream_worker_inference_seconds",
          "groundstream_worker_requests_total", "groundstream_worker_consumer_lag", "groundstream_worker_dead_letters_total")) {
        assertTrue(metrics.contains(name), () -> name + " missing from /metrics:\n" + metrics);
      }
      assertTrue(metrics.contains("provider=\"cpu\""), "provider tag");
      assertEquals(4.0, worker.metrics().deadLetterCount());
      assertEquals(36.0, worker.metrics().requestCount());
    }
  }

  /**
   * The three text-conditioned kinds through the worker on the same stream, each in its own group:
   * every result carries exactly what the plug-in computes for that image (the plug-ins' own
   * outputs are checked against the generator's formulas in the model tests).
   */
  @Test
  @Order(2)
  void everyModelKindRunsThroughTheWorker() throws Exception {
    List<String> models = List.of("fake-box-queries", "fake-caption-spans", "fake-heatmap");
    List<GroundingWorker> workers = new ArrayList<>();
    try {
      for (String m : models) {
        workers.add(GroundingWorker.start(kit.config(m).withBlobDir(blobs)));
      }
      // 32 good requests + the white image (NaN only for the detector) per model, plus the detector's 32
      List<GroundingResult> results = kit.readResults(r -> r.size() >= 32 + 3 * 33, Duration.ofSeconds(90));
      for (String m : models) {
        List<GroundingResult> mine = results.stream().filter(r -> r.getModel().getName().equals(m)).toList();
        assertEquals(33, mine.size(), m);
        try (var direct = dev.groundstream.worker.model.GroundingModels.load(TestFixtures.model(m),
            dev.groundstream.worker.onnx.OrtSettings.cpu())) {
          for (GroundingResult r : mine) {
            int gray = grayOf(r.getRequestId());
            if (gray < 0) {
              continue; // the white 32x32 image
            }
            var input = new dev.groundstream.worker.model.GroundingInput(
                direct.preprocessor().preprocess(TestFixtures.uniformPng(64, 32, gray)), WorkerTestKit.CAPTION,
                List.of(new dev.groundstream.worker.model.PhraseQuery("p0", "a person", 0, 8),
                    new dev.groundstream.worker.model.PhraseQuery("p1", "a dog", 13, 18)));
            var expected = ((dev.groundstream.worker.model.GroundingOutcome.Grounded)
                direct.ground(List.of(input)).get(0)).phrases();
            for (int p = 0; p < 2; p++) {
              assertBoxes(expected.get(p).boxes(), r.getPhrases().get(p).getBoxes());
              assertEquals(expected.get(p).point().isPresent(), r.getPhrases().get(p).getPoint() != null, m);
            }
          }
        }
      }
      List<DeadLetter> dead = kit.readDeadLetters(d -> d.size() >= 4 + 3 * 3, Duration.ofSeconds(30));
      for (String m : models) {
        assertEquals(Set.of("decode-image", "deserialize", "load-image"), dead.stream()
            .filter(d -> d.getAttributes().get("model").equals(m + ":1.0.0"))
            .map(d -> d.getAttributes().get("step")).collect(Collectors.toSet()), m);
      }
    } finally {
      for (GroundingWorker w : workers) {
        w.close();
      }
    }
  }

  /**
   * Backpressure: a queue of 8 with batches of 4 over the 36 records already in the topic: the
   * consumer must pause its partitions (poll returns at most the queue's capacity) and still
   * commit every record once.
   */
  @Test
  @Order(3)
  void pausesPartitionsWhenTheQueueIsFull() throws Exception {
    WorkerConfig config = kit.config("fake-detector").withBlobDir(blobs)
        .withBatching(4, Duration.ofMillis(50), 8).withGroupId("backpressure-check");
    try (GroundingWorker worker = GroundingWorker.start(config)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (worker.metrics().requestCount() < 36 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(36.0, worker.metrics().requestCount(), "32 good + 4 dead-lettered records, each once");
      assertTrue(worker.metrics().pauseCount() > 0, "partitions were paused");
    }
  }

  /** Gray level of the first test's good requests, -1 for others. */
  private static int grayOf(UUID id) {
    for (int i = 0; i < 32; i++) {
      if (id("good", i).equals(id)) {
        return 10 + 6 * i;
      }
    }
    return -1;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  static void assertBoxes(List<ScoredBox> expected, List<Box> actual) {
    List<ScoredBox> converted = new ArrayList<>();
    for (Box b : actual) {
      converted.add(new ScoredBox(b.getX1(), b.getY1(), b.getX2(), b.getY2(), b.getScore()));
    }
    dev.groundstream.worker.model.DetectorRankerModelTest.assertBoxes(expected, converted);
  }
}
