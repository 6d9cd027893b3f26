package dev.groundstream.launcher.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.launcher.GroundStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code groundstream models check} passes on every committed model folder under models/ (the card
 * matches the graph and a sample grounds): the two trained on synthetic scenes (*-shapes) get a scene
 * and its caption and must print no warning, the others the default photo.
 */
class ModelsCheckTrainedModelsTest {
  static final Path MODELS = Path.of("..", "models");
  static final Path SCENE = Path.of("docs", "synth-7-00000013.png");
  static final String CAPTION = "Two white squares and two orange squares in a blue sky";

  static Stream<String> committedModels() throws Exception {
    try (Stream<Path> folders = Files.list(MODELS)) {
      // Stage folders (a pose or face stage) are parts of a composite card, checked through it.
      return folders.filter(f -> Files.isRegularFile(f.resolve("groundstream-model.json")))
          .filter(f -> !isStage(f))
          .map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("committedModels")
  void passes(String model) {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String[] args = model.endsWith("-shapes")
          ? new String[] {"models", "check", MODELS.resolve(model).toString(), "--image", SCENE.toString(),
              "--caption", CAPTION, "--runs", "1"}
          : new String[] {"models", "check", MODELS.resolve(model).toString(), "--image",
              "../datasets/groundstream-photos/images/person.jpg", "--runs", "1"};
      code = new CommandLine(new GroundStream()).execute(args);
    } finally {
      System.setOut(out);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    System.out.print(printed);
    assertEquals(0, code, printed);
    assertTrue(printed.contains("time per image"), printed);
    if (model.endsWith("-shapes")) {
      assertFalse(printed.contains("warning:"), printed);
      assertTrue(printed.contains("\"Two white squares\"") && printed.contains("score"), printed);
    }
  }

  private static boolean isStage(Path folder) {
    try {
      return Files.readString(folder.resolve("groundstream-model.json")).matches("(?s).*\"kind\"\\s*:\\s*\"[a-z]+-stage\".*");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @org.junit.jupiter.api.Test
  void theCompositePeopleModelIsAmongTheCheckedOnes() throws Exception {
    assertTrue(committedModels().toList().contains("people-ranker"));
    assertTrue(isStage(MODELS.resolve("movenet-multipose")), "the pose stage is checked through people-ranker");
  }
}
