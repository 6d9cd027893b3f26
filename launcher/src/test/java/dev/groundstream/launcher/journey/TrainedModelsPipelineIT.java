package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two trained example models (docs/bring-your-model.md) through the real pipeline: held-out
 * synthetic scenes made by {@code groundstream generate} (a seed the models were not trained on)
 * are grounded by {@code groundstream evaluate} — local mode, importer, worker, eval service, each
 * a separate process' worth of real components — and recall@1 recomputed here from the written
 * predictions and the scenes' own annotations must equal the printed one and stay above a floor a
 * few points below what was measured (docs: R@1 0.887 heatmap, 0.467 regression on 300 scenes).
 */
class TrainedModelsPipelineIT {
  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({"multilevel-heatmap-shapes, 0.75", "attention-regression-shapes, 0.35"})
  void trainedModelKeepsItsRecallThroughThePipeline(String model, double floor) throws Exception {
    Path scenes = temp.resolve("scenes");
    try (LauncherProcess generate = LauncherProcess.start(temp.resolve("generate.log"), "generate", "--count", "40",
        "--seed", "202", "--split", "test", "--out", scenes.toString())) {
      assertEquals(0, generate.awaitExit(Duration.ofMinutes(3)), generate.output());
    }
    Path predictions = temp.resolve(model + ".json");
    String printed;
    try (LauncherProcess evaluate = LauncherProcess.start(temp.resolve("evaluate.log"), "evaluate", "--model",
        "models/" + model, "--dataset-root", scenes.toString(), "--split", "test",
        "--predictions-out", predictions.toString())) {
      assertEquals(0, evaluate.awaitExit(Duration.ofMinutes(15)), evaluate.output());
      printed = evaluate.output();
    }
    Matcher all = EvaluateJourneyIT.ALL_ROW.matcher(EvaluateJourneyIT.withoutLogLines(printed));
    assertTrue(all.find(), "no 'all' row in:\n" + printed);
    double printedRecall = Double.parseDouble(all.group(2));

    JsonNode entries = new ObjectMapper().readTree(predictions.toFile());
    int phrases = 0;
    int hits = 0;
    for (JsonNode entry : entries) {
      List<List<double[]>> truth = EvaluateJourneyIT.evaluableTruth(scenes, entry.path("image_id").asText(),
          entry.path("sentence_id").asInt());
      for (int p = 0; p < truth.size(); p++) {
        JsonNode top = entry.path("boxes").get(p).get(0);
        double[] top1 = {top.get(0).asDouble(), top.get(1).asDouble(), top.get(2).asDouble(), top.get(3).asDouble()};
        double best = 0;
        for (double[] gt : truth.get(p)) {
          best = Math.max(best, EvaluateJourneyIT.iou(top1, gt));
        }
        phrases++;
        hits += best >= 0.5 ? 1 : 0;
      }
    }
    assertTrue(phrases >= 40, "at least one evaluable phrase per scene, got " + phrases);
    double recall = (double) hits / phrases;
    System.out.printf("%s: R@1 %.3f on %d phrases (floor %.2f)%n", model, recall, phrases, floor);
    assertEquals(printedRecall, recall, 0.0006, "R@1 recomputed from the stored predictions");
    assertTrue(recall >= floor, model + ": R@1 " + recall + " fell below its floor " + floor);
  }
}
