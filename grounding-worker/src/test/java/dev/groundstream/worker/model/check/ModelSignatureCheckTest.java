package dev.groundstream.worker.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.model.BoxFormat;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.ScoredBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The card-versus-graph check on the real fixture graphs of every kind, and on cards made wrong. */
class ModelSignatureCheckTest {
  private static final Path MODELS = Path.of("src/test/resources/models");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"fake-detector", "fake-box-queries", "fake-caption-spans", "fake-heatmap"})
  void everyFixtureCardMatchesItsGraph(String model) throws Exception {
    assertEquals(List.of(), problems(MODELS.resolve(model)));
  }

  @Test
  void aWrongLayoutIsNamedWithTheLayoutTheGraphHas() throws Exception {
    Path folder = copyWithCard("fake-detector", "\"NHWC\"", "\"NCHW\"");
    List<String> problems = problems(folder);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("the card says NCHW") && problems.get(0).contains("looks NHWC"),
        problems.get(0));
  }

  @Test
  void aMisnamedInputIsReportedBothWays() throws Exception {
    Path folder = copyWithCard("fake-caption-spans", "\"name\": \"input_ids\"", "\"name\": \"token_ids\"");
    List<String> problems = problems(folder);
    assertTrue(problems.stream().anyMatch(p -> p.contains("'input_ids' names 'token_ids'")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("needs input 'input_ids'")), problems.toString());
  }

  @Test
  void aFixedSizeThatDiffersFromThePreprocessingIsReported() {
    TensorSignature image = new TensorSignature("images", "FLOAT", new long[] {-1, 64, 64, 3});
    TensorSignature detections = new TensorSignature("detections", "FLOAT", new long[] {-1, 100, 6});
    ModelCard card = ModelCard.load(MODELS.resolve("fake-detector"));
    List<String> problems = ModelSignatureCheck.problems(card,
        java.util.Map.of("images", image), java.util.Map.of("detections", detections));
    assertEquals(List.of("image input 'images' is fixed at 64x64 but preprocessing resizes to 32x32"), problems);
  }

  @Test
  void tooFewDetectionColumnsAndIntegerImagesAreReported() {
    TensorSignature image = new TensorSignature("images", "UINT8", new long[] {-1, 32, 32, 3});
    TensorSignature detections = new TensorSignature("detections", "FLOAT", new long[] {-1, 100, 4});
    ModelCard card = ModelCard.load(MODELS.resolve("fake-detector"));
    List<String> problems = ModelSignatureCheck.problems(card,
        java.util.Map.of("images", image), java.util.Map.of("detections", detections));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("is UINT8"), problems.get(0));
    assertTrue(problems.get(1).contains("has 4 values per detection"), problems.get(1));
  }

  @Test
  void wrongRanksAndTokenTypesAreReported() {
    ModelCard card = ModelCard.load(MODELS.resolve("fake-heatmap"));
    Map<String, TensorSignature> inputs = Map.of(
        "image", new TensorSignature("image", "FLOAT", new long[] {3, 32, 32}),
        "input_ids", new TensorSignature("input_ids", "FLOAT", new long[] {-1}),
        "attention_mask", new TensorSignature("attention_mask", "INT64", new long[] {-1, -1}));
    List<String> problems = ModelSignatureCheck.problems(card, inputs,
        Map.of("heatmap", new TensorSignature("heatmap", "FLOAT", new long[] {-1, 8, 8})));
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("image input 'image' has rank 3") && problems.get(0).contains("rank 4"),
        problems.get(0));
    assertTrue(problems.get(1).contains("input_ids input 'input_ids' is FLOAT; token ids are INT64 or INT32"),
        problems.get(1));
    assertTrue(problems.get(2).contains("has rank 1") && problems.get(2).contains("(batch, tokens)"), problems.get(2));
  }

  @Test
  void aHeatmapWithAChannelAxisIsReportedWithTheSqueezeHint() {
    ModelCard card = ModelCard.load(MODELS.resolve("fake-heatmap"));
    Map<String, TensorSignature> inputs = Map.of(
        "image", new TensorSignature("image", "FLOAT", new long[] {-1, 3, 32, 32}),
        "input_ids", new TensorSignature("input_ids", "INT64", new long[] {-1, -1}),
        "attention_mask", new TensorSignature("attention_mask", "INT64", new long[] {-1, -1}));
    List<String> problems = ModelSignatureCheck.problems(card, inputs,
        Map.of("heatmap", new TensorSignature("heatmap", "FLOAT", new long[] {-1, 1, 8, 8})));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("has rank 4") && problems.get(0).contains("reads rank 3 (rows, height, width)")
        && problems.get(0).contains("squeeze"), problems.get(0));
    List<String> flat = ModelSignatureCheck.problems(card, inputs,
        Map.of("heatmap", new TensorSignature("heatmap", "FLOAT", new long[] {-1, 64})));
    assertTrue(flat.get(0).contains("has rank 2") && flat.get(0).contains("not flattened"), flat.toString());
  }

  @Test
  void normalisedBoxesReadAsPixelsGetABoxFormatHint() {
    // 640x480 image, 128x96 input: one input pixel = 5 original pixels; 0..1 values read as pixels
    List<ScoredBox> boxes = List.of(new ScoredBox(1.5f, 2f, 4f, 4.5f, 0.9f), new ScoredBox(0, 0, 2.5f, 5f, 0.8f));
    assertTrue(ModelSignatureCheck.boxFormatHint(BoxFormat.XYXY_PIXELS, boxes, 640, 480, 128, 96).orElseThrow()
        .contains("set boxFormat to xyxy-normalized or cxcywh-normalized"));
    assertEquals(Optional.empty(), ModelSignatureCheck.boxFormatHint(BoxFormat.XYXY_PIXELS,
        List.of(new ScoredBox(100, 80, 220, 200, 0.9f)), 640, 480, 128, 96));
  }

  @Test
  void pixelBoxesReadAsNormalisedGetABoxFormatHint() {
    // pixel values times the input size, clipped: zero-size boxes on the right or bottom edge
    List<ScoredBox> boxes = List.of(new ScoredBox(640, 480, 640, 480, 0.9f), new ScoredBox(640, 30, 640, 480, 0.7f),
        new ScoredBox(10, 10, 200, 200, 0.5f));
    assertTrue(ModelSignatureCheck.boxFormatHint(BoxFormat.CXCYWH_NORMALIZED, boxes, 640, 480, 128, 96).orElseThrow()
        .contains("set boxFormat to xyxy-pixels"));
    assertEquals(Optional.empty(), ModelSignatureCheck.boxFormatHint(BoxFormat.CXCYWH_NORMALIZED,
        List.of(new ScoredBox(100, 80, 220, 200, 0.9f)), 640, 480, 128, 96));
  }

  private static List<String> problems(Path folder) throws Exception {
    ModelCard card = ModelCard.load(folder);
    GraphSignatures graph = GraphSignatures.of(card.modelFile());
    return ModelSignatureCheck.problems(card, graph.inputs(), graph.outputs());
  }

  private Path copyWithCard(String model, String from, String to) throws IOException {
    Path source = MODELS.resolve(model);
    Path target = temp.resolve(model);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    Path card = target.resolve(ModelCard.FILE_NAME);
    String text = Files.readString(card);
    assertTrue(text.contains(from), "fixture card changed: " + from);
    Files.writeString(card, text.replace(from, to));
    return target;
  }
}
