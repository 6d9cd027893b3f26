package dev.groundstream.launcher.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** "A new version" of a bundled model for journey tests: a copy of its folder with another card version. */
public final class ModelVersions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelVersions() {}

  /** Copies {@code repoModel} (relative to the repository root) to {@code parent/<name>-<version>}. */
  public static Path copy(String repoModel, Path parent, String version) throws IOException {
    Path source = LauncherProcess.repositoryRoot().resolve(repoModel);
    Path target = Files.createDirectories(parent.resolve(source.getFileName() + "-" + version));
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    Path card = target.resolve("groundstream-model.json");
    ObjectNode json = (ObjectNode) JSON.readTree(card.toFile());
    json.put("version", version);
    JSON.writerWithDefaultPrettyPrinter().writeValue(card.toFile(), json);
    return target;
  }
}
