package dev.groundstream.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.FlickrEntitiesImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.launcher.evaluate.FlickrPredictions;
import dev.groundstream.launcher.evaluate.ResultCollector;
import dev.groundstream.launcher.evaluate.TempFolders;
import dev.groundstream.launcher.imports.DatasetImport;
import dev.groundstream.launcher.local.LocalMode;
import dev.groundstream.launcher.local.LocalPorts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures a model on a dataset in the Flickr30k Entities format through the real system: a
 * throw-away local mode, the project's importer, the grounding worker and the eval service's
 * evaluator. Prints R@1/5/10, merged-box and pointing accuracy per phrase type as Markdown.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Ground a Flickr30k-Entities-format dataset with a model and print accuracy per phrase type.")
public final class EvaluateCommand implements Callable<Integer> {
  private static final List<String> CATEGORIES = List.of("all", "people", "clothing", "bodyparts", "animals",
      "vehicles", "instruments", "scene", "other");

  @Option(names = "--model", defaultValue = "models/centernet-ranker", description = "Model folder (default ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--dataset-root", defaultValue = "datasets/groundstream-photos",
      description = "Folder with Sentences/, Annotations/, <split>.txt and images/ (default ${DEFAULT-VALUE}).")
  Path root;

  @Option(names = "--split", defaultValue = "test", description = "Split file (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--timeout-minutes", defaultValue = "20", description = "Give up after (default ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Option(names = "--predictions-out", description = "Also write the predictions as JSON in the input format of "
      + "MDETR's flickr_eval.py (image_id, sentence_id, ranked boxes per evaluable phrase, Annotations XML frame).")
  Path predictionsOut;

  @Option(names = "--keep", description = "Keep the temporary local mode's folder (Kafka logs, DuckDB, blobs) "
      + "and print where it is; by default it is deleted.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("groundstream-evaluate");
    try {
      evaluate(work);
    } finally {
      if (keep) {
        System.out.println("Kept the evaluation's local mode folder: " + work.toAbsolutePath());
      } else {
        TempFolders.deleteRecursively(work);
      }
    }
    return 0;
  }

  private void evaluate(Path work) throws Exception {
    String dataset = "evaluate/" + root.getFileName() + "/" + split;
    FlickrEntitiesImporter importer = new FlickrEntitiesImporter(root, split, root.resolve("images"), dataset,
        new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(work.resolve("blobs")))),
        Clock.systemUTC());
    int evaluable = evaluablePhrases(importer);
    try (LocalMode local = LocalMode.start(work, model, LocalPorts.ANY_FREE)) {
      DatasetImport.run(importer, local.kafka(), local.registry(), work.resolve("checkpoints"), 0, true);
      JsonNode rows = awaitMetrics(local, dataset, evaluable);
      print(rows, dataset, evaluable);
      if (predictionsOut != null) {
        FlickrPredictions predictions = FlickrPredictions.of(importer);
        Map<UUID, GroundingResult> results = ResultCollector.collect(local.kafka(), local.registry(),
            predictions.requestIds(), Duration.ofMinutes(2));
        int sentences = predictions.write(results, predictionsOut);
        System.out.print(String.format("%nWrote predictions for %d sentences to %s (MDETR flickr_eval.py format)%n", sentences,
            predictionsOut.toAbsolutePath()));
      }
    }
  }

  /** Phrases the any-box protocol evaluates: at least one GT box and not notvisual. */
  private static int evaluablePhrases(FlickrEntitiesImporter importer) throws Exception {
    int count = 0;
    for (int i = 0; i < importer.size(); i++) {
      for (PhraseTruth t : importer.sample(i).truth().orElseThrow().getPhrases()) {
        if (!t.getBoxes().isEmpty() && !t.getTypes().contains(PhraseType.notvisual)) {
          count++;
        }
      }
    }
    return count;
  }

  private JsonNode awaitMetrics(LocalMode local, String dataset, int evaluable) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    URI uri = URI.create(local.dashboardUrl() + "/api/metrics?window=all-time&dataset="
        + URLEncoder.encode(dataset, StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofMinutes(timeoutMinutes).toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        JsonNode rows = json.readTree(response.body());
        for (JsonNode row : rows) {
          if (row.get("category").asText().equals("all")) {
            seen = row.get("evaluablePhrases").asInt();
            if (seen >= evaluable) {
              return rows;
            }
          }
        }
      }
      Thread.sleep(2000);
    }
    throw new IllegalStateException("Only " + seen + " of " + evaluable + " phrases evaluated within "
        + timeoutMinutes + " minutes");
  }

  /** The table in one write, so log lines of the embedded services cannot land inside a row. */
  private void print(JsonNode rows, String dataset, int evaluable) {
    String modelName = rows.get(0).get("model").asText();
    StringBuilder table = new StringBuilder(String.format(
        "%nModel %s on %s (%d evaluable phrases; any-box protocol, IoU >= 0.5)%n%n", modelName, dataset, evaluable));
    table.append("| type | phrases | R@1 | R@5 | R@10 | merged box | pointing |").append(System.lineSeparator());
    table.append("|---|---|---|---|---|---|---|").append(System.lineSeparator());
    for (String category : CATEGORIES) {
      for (JsonNode row : rows) {
        if (row.get("category").asText().equals(category)) {
          table.append(String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", category,
              row.get("evaluablePhrases").asInt(), row.get("recallAt1").asDouble(), row.get("recallAt5").asDouble(),
              row.get("recallAt10").asDouble(), row.get("mergedBoxAccuracy").asDouble(),
              row.get("pointingAccuracy").asDouble()));
        }
      }
    }
    System.out.print(table);
    System.out.flush();
  }
}
