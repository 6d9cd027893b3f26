package dev.groundstream.launcher.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md §3, read from the sources: a stage module (ingest,
 * worker, eval, sinks) imports only {@code schemas} and the libraries it is allowed ({@code
 * phrase-analysis} for ingest and worker), never another stage; the libraries import no stage.
 * Only the launcher composes stages.
 */
class ModuleBoundariesTest {
  /** Module folder -> the root package its main code owns. */
  private static final Map<String, String> STAGES = Map.of(
      "ingest-service", "dev.groundstream.ingest",
      "grounding-worker", "dev.groundstream.worker",
      "eval-service", "dev.groundstream.eval",
      "sink-connectors", "dev.groundstream.sinks");
  /** Library module folder -> its root package and the stage modules allowed to import it. */
  private record Library(String module, String rootPackage, Set<String> users) {}

  private static final List<Library> LIBRARIES = List.of(
      new Library("phrase-analysis", "dev.groundstream.phrases", Set.of("ingest-service", "grounding-worker")));
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.groundstream\\.[a-z]+)",
      Pattern.MULTILINE);

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void stageModulesImportNoOtherStage() throws IOException {
    List<String> violations = new ArrayList<>();
    for (var stage : STAGES.entrySet()) {
      Path sources = ROOT.resolve(stage.getKey()).resolve("src/main/java");
      assertTrue(Files.isDirectory(sources), "missing " + sources);
      for (Path file : javaFiles(sources)) {
        for (String imported : importedRoots(file)) {
          if (STAGES.containsValue(imported) && !imported.equals(stage.getValue())
              || imported.equals("dev.groundstream.launcher") || forbiddenLibrary(stage.getKey(), imported)) {
            violations.add(ROOT.relativize(file) + " imports " + imported);
          }
        }
      }
    }
    assertEquals(List.of(), violations,
        "stage modules must only import schemas and their allowed libraries (docs/architecture.md §3)");
  }

  @Test
  void librariesImportNoStage() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Library library : LIBRARIES) {
      Path sources = ROOT.resolve(library.module()).resolve("src/main/java");
      assertTrue(Files.isDirectory(sources), "missing " + sources);
      for (Path file : javaFiles(sources)) {
        for (String imported : importedRoots(file)) {
          if (STAGES.containsValue(imported) || imported.equals("dev.groundstream.launcher")) {
            violations.add(ROOT.relativize(file) + " imports " + imported);
          }
        }
      }
    }
    assertEquals(List.of(), violations, "a library module imports schemas at most, never a stage");
  }

  @Test
  void onlyItsUsersMayImportALibrary() {
    assertTrue(forbiddenLibrary("sink-connectors", "dev.groundstream.phrases"), "the Connect plugin stays free of it");
    assertTrue(forbiddenLibrary("eval-service", "dev.groundstream.phrases"));
    assertTrue(!forbiddenLibrary("ingest-service", "dev.groundstream.phrases"));
    assertTrue(!forbiddenLibrary("grounding-worker", "dev.groundstream.phrases"));
  }

  /** True if {@code imported} is a library package that {@code module} may not use. */
  private static boolean forbiddenLibrary(String module, String imported) {
    return LIBRARIES.stream().anyMatch(l -> l.rootPackage().equals(imported) && !l.users().contains(module));
  }

  @Test
  void schemasImportsNoStage() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles(ROOT.resolve("schemas/src/main/java"))) {
      for (String imported : importedRoots(file)) {
        if (STAGES.containsValue(imported) || imported.equals("dev.groundstream.launcher")
            || LIBRARIES.stream().anyMatch(l -> l.rootPackage().equals(imported))) {
          violations.add(ROOT.relativize(file) + " imports " + imported);
        }
      }
    }
    assertEquals(List.of(), violations, "schemas is the shared library: it imports no stage and no other library");
  }

  @Test
  void theRuleCatchesACrossStageImport() {
    // Guards the regex: a cross-stage import must be recognised as one.
    Matcher m = IMPORT.matcher("package x;\nimport dev.groundstream.worker.model.ModelCard;\n");
    assertTrue(m.find());
    assertEquals("dev.groundstream.worker", m.group(1));
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static List<String> importedRoots(Path file) throws IOException {
    Matcher m = IMPORT.matcher(Files.readString(file));
    List<String> roots = new ArrayList<>();
    while (m.find()) {
      roots.add(m.group(1));
    }
    return roots;
  }
}
