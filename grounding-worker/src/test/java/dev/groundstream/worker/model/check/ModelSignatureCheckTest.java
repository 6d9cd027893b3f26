package dev.groundstream.worker.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.model.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
