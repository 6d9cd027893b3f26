package dev.groundstream.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The schemas as released, kept in the repository under {@code schemas/released/}: one
 * self-contained file per record and version, {@code <RecordName>.v<N>.avsc}. A new release adds
 * files; old ones are never edited, so every later change is checked against what consumers may
 * still hold.
 */
public final class ReleasedSchemas {
  private static final Pattern FILE = Pattern.compile("(\\w+)\\.v(\\d+)\\.avsc");

  private ReleasedSchemas() {}

  /** Released versions per record name, oldest first. */
  public static Map<String, List<Schema>> read(Path dir) {
    Map<String, Map<Integer, Schema>> byName = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          Schema schema = new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
          byName.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), schema);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read released schemas in " + dir, e);
    }
    Map<String, List<Schema>> out = new TreeMap<>();
    byName.forEach((name, versions) -> out.put(name, new ArrayList<>(versions.values())));
    return out;
  }

  /**
   * Writes each schema whose form differs from its latest release as the next version; returns
   * the files written.
   */
  public static List<Path> release(Path dir, List<Schema> current) {
    Map<String, List<Schema>> released = read(dir);
    List<Path> written = new ArrayList<>();
    for (Schema schema : current) {
      List<Schema> versions = released.getOrDefault(schema.getName(), List.of());
      if (!versions.isEmpty() && versions.get(versions.size() - 1).equals(schema)) {
        continue;
      }
      Path file = dir.resolve(schema.getName() + ".v" + (versions.size() + 1) + ".avsc");
      try {
        Files.writeString(file, schema.toString(true) + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      written.add(file);
    }
    return written;
  }
}
