package dev.groundstream.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.avro.Box;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.FlickrEntitiesImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.ingest.importers.ImportedSample;
import dev.groundstream.launcher.bench.PhotoUploads;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroDeserializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local mode in this JVM on free ports: 20 real photos with captions and truth are
 * POSTed to the ingest API; results, evaluations, the dashboard's metrics API and the DuckDB sink
 * must agree. Then a stop and a second start on the same data dir: nothing lost, nothing
 * processed twice, and the pipeline still works.
 */
class LocalModeEndToEndTest {
  private static final Path PHOTOS = Path.of("..", "datasets", "groundstream-photos");
  private static final Path MODEL = Path.of("..", "models", "centernet-coco");
  private static final String DATASET = "e2e/photos";
  private static final int PHOTO_COUNT = 20;
  private static final Duration BOUND = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  /** Truth per upload (client request id), in phrase-id order: the reference for recomputing hits. */
  private final Map<String, List<PhraseTruth>> truthByUpload = new HashMap<>();

  @TempDir Path dataDir;
  @TempDir Path scratch;

  @Test
  void photosFlowThroughEveryStageAndSurviveARestart() throws Exception {
    List<ObjectNode> uploads = uploads(PHOTO_COUNT + 1);
    int evaluablePhrases;
    Map<String, List<PhraseTruth>> truthByRequest = new HashMap<>();
    try (LocalMode local = LocalMode.start(dataDir, MODEL, LocalPorts.ANY_FREE)) {
      for (ObjectNode upload : uploads.subList(0, PHOTO_COUNT)) {
        String requestId = JSON.readTree(post(local, upload).body()).get("requestId").asText();
        truthByRequest.put(requestId, truthByUpload.get(upload.get("clientRequestId").asText()));
      }
      List<GroundingResult> results = awaitValues(local, Topics.RESULTS, GroundingResult.class,
          r -> r.getDataset().equals(DATASET), PHOTO_COUNT);
      assertEquals(PHOTO_COUNT, results.size(), "exactly one result per request");
      assertEquals(PHOTO_COUNT, distinctRequests(results).size(), "one result per request");
      List<Evaluation> evaluations = awaitValues(local, Topics.EVALUATIONS, Evaluation.class,
          e -> e.getDataset().equals(DATASET), PHOTO_COUNT);
      evaluablePhrases = (int) evaluations.stream().flatMap(e -> e.getPhrases().stream())
          .filter(PhraseEvaluation::getEvaluable).count();
      int hitsAt1 = (int) evaluations.stream().flatMap(e -> e.getPhrases().stream())
          .filter(p -> p.getEvaluable() && p.getHitAt1()).count();
      assertTrue(evaluablePhrases > 20, "photos carry truth: " + evaluablePhrases);

      JsonNode all = awaitAllTimeMetric(local, evaluablePhrases);
      assertEquals(evaluablePhrases, all.get("evaluablePhrases").asInt());
      assertEquals(hitsAt1, all.get("hitsAt1").asInt());
      // The same numbers recomputed here from the stored predictions and the uploaded truth, with
      // the protocol written out independently (any-box, IoU >= 0.5, area without +1).
      int[] recomputed = recomputeEvaluableAndHitsAt1(results, truthByRequest);
      assertEquals(evaluablePhrases, recomputed[0], "evaluable phrases recomputed from truth");
      assertEquals(hitsAt1, recomputed[1], "hits@1 recomputed from the stored predictions");
    }

    // DuckDB allows one writing process per file: read it after the local mode has stopped.
    assertEquals(PHOTO_COUNT, countRows("select count(*) from grounding_results where dataset = '" + DATASET + "'"));
    assertEquals(PHOTO_COUNT, countRows("select count(*) from grounding_evaluations where dataset = '" + DATASET + "'"));
    assertEquals(evaluablePhrases, countRows("select count(*) from grounding_evaluations_phrases p join grounding_evaluations e"
        + " using (request_id, model_name, model_version) where e.dataset = '" + DATASET + "' and p.evaluable"));

    try (LocalMode local = LocalMode.start(dataDir, MODEL, LocalPorts.ANY_FREE)) {
      assertEquals(202, post(local, uploads.get(PHOTO_COUNT)).statusCode());
      List<GroundingResult> results = awaitValues(local, Topics.RESULTS, GroundingResult.class,
          r -> r.getDataset().equals(DATASET), PHOTO_COUNT + 1);
      assertEquals(PHOTO_COUNT + 1, results.size(), "the restart reprocessed nothing");
      assertEquals(PHOTO_COUNT + 1, distinctRequests(results).size());
      List<GroundingRequest> requests = awaitValues(local, Topics.REQUESTS, GroundingRequest.class,
          r -> r.getDataset().equals(DATASET), PHOTO_COUNT + 1);
      assertEquals(PHOTO_COUNT + 1, requests.size(), "the restart lost no request");
    }
    assertEquals(PHOTO_COUNT + 1, countRows("select count(*) from grounding_results where dataset = '" + DATASET + "'"));
  }

  /** Upload bodies built from the photo benchmark: first caption of each image, with its truth. */
  private List<ObjectNode> uploads(int count) throws Exception {
    FlickrEntitiesImporter importer = new FlickrEntitiesImporter(PHOTOS, "test", PHOTOS.resolve("images"), DATASET,
        new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(scratch))),
        Clock.systemUTC());
    List<ObjectNode> out = new ArrayList<>();
    Set<String> images = new LinkedHashSet<>();
    for (int i = 0; i < importer.size() && out.size() < count; i++) {
      ImportedSample sample = importer.sample(i);
      String imageId = sample.request().getAttributes().get("imageId");
      if (!images.add(imageId)) {
        continue;
      }
      out.add(upload(imageId, sample));
      truthByUpload.put("e2e-" + imageId, sample.truth().orElseThrow().getPhrases());
    }
    assertEquals(count, out.size(), "the benchmark has enough photos");
    return out;
  }

  private static ObjectNode upload(String imageId, ImportedSample sample) throws Exception {
    ObjectNode body = PhotoUploads.uploadBody(PHOTOS, DATASET, imageId, sample);
    body.put("clientRequestId", "e2e-" + imageId);
    return body;
  }

  private HttpResponse<String> post(LocalMode local, ObjectNode body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.ingestUrl() + "/v1/requests"))
        .header("Content-Type", "application/json").header("X-API-Key", LocalMode.LOCAL_API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(202, response.statusCode(), response.body());
    return response;
  }

  private JsonNode awaitAllTimeMetric(LocalMode local, int evaluablePhrases) throws Exception {
    long deadline = System.nanoTime() + BOUND.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.dashboardUrl()
          + "/api/metrics?dataset=" + DATASET.replace("/", "%2F") + "&category=all&window=all-time")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        for (JsonNode row : JSON.readTree(response.body())) {
          last = row;
          if (row.get("evaluablePhrases").asInt() == evaluablePhrases) {
            return row;
          }
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("metrics API never reached " + evaluablePhrases + " evaluable phrases; last " + last);
  }

  /** Reads the whole topic (committed records only) until {@code expected} values match. */
  private static <T> List<T> awaitValues(LocalMode local, String topic, Class<T> type, Predicate<T> filter, int expected) {
    Map<String, Object> config = local.kafka().clientProperties();
    config.put("isolation.level", "read_committed");
    List<T> values = new ArrayList<>();
    try (KafkaConsumer<byte[], T> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
        new AvroDeserializer<T>(SchemaRegistryClients.shared(local.registry()),
            org.apache.avro.specific.SpecificData.get().getSchema(type)))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + BOUND.toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], T> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null && filter.test(record.value())) {
            values.add(record.value());
          }
        }
      }
      // A short extra read: more than expected would mean duplicates.
      for (int i = 0; i < 4; i++) {
        for (ConsumerRecord<byte[], T> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null && filter.test(record.value())) {
            values.add(record.value());
          }
        }
      }
    }
    assertTrue(values.size() >= expected, topic + ": " + values.size() + " of " + expected + " within " + BOUND);
    return values;
  }

  private static int[] recomputeEvaluableAndHitsAt1(List<GroundingResult> results,
      Map<String, List<PhraseTruth>> truthByRequest) {
    int evaluable = 0;
    int hits = 0;
    for (GroundingResult result : results) {
      Map<String, List<Box>> predicted = new HashMap<>();
      result.getPhrases().forEach(p -> predicted.put(p.getPhraseId(), p.getBoxes()));
      for (PhraseTruth truth : truthByRequest.get(result.getRequestId().toString())) {
        if (truth.getBoxes().isEmpty() || truth.getTypes().contains(dev.groundstream.avro.PhraseType.notvisual)) {
          continue;
        }
        evaluable++;
        List<Box> boxes = predicted.getOrDefault(truth.getPhraseId(), List.of());
        if (!boxes.isEmpty() && truth.getBoxes().stream().anyMatch(gt -> iou(boxes.get(0), gt) >= 0.5)) {
          hits++;
        }
      }
    }
    return new int[] {evaluable, hits};
  }

  private static double iou(Box a, Box b) {
    double w = Math.min(a.getX2(), b.getX2()) - Math.max(a.getX1(), b.getX1());
    double h = Math.min(a.getY2(), b.getY2()) - Math.max(a.getY1(), b.getY1());
    double inter = w > 0 && h > 0 ? w * h : 0;
    double union = (a.getX2() - a.getX1()) * (a.getY2() - a.getY1()) + (b.getX2() - b.getX1()) * (b.getY2() - b.getY1()) - inter;
    return union > 0 ? inter / union : 0;
  }

  private static Set<Object> distinctRequests(List<GroundingResult> results) {
    Set<Object> ids = new LinkedHashSet<>();
    results.forEach(r -> ids.add(r.getRequestId()));
    return ids;
  }

  private int countRows(String sql) throws Exception {
    return DuckDbQuery.count(dataDir.resolve("groundstream.duckdb"), sql);
  }
}
