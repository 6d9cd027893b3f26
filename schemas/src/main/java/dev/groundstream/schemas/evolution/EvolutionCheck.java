package dev.groundstream.schemas.evolution;

import dev.groundstream.schemas.TopicSpec;
import dev.groundstream.schemas.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Fails the build when a topic schema is not BACKWARD compatible with every released version of
 * it: a consumer built from the current schema must read everything already in the topics
 * (transitive, because compacted topics keep old records forever).
 *
 * <p>Run by the schemas module's tests; also a command-line tool:
 * {@code check <releasedDir>} or {@code release <releasedDir>}.
 */
public final class EvolutionCheck {
  private EvolutionCheck() {}

  /** The key and value schemas of every topic, each once. */
  public static List<Schema> topicSchemas() {
    Set<Schema> all = new LinkedHashSet<>();
    for (TopicSpec<?, ?> topic : Topics.ALL) {
      all.add(topic.keySchema());
      all.add(topic.valueSchema());
    }
    return new ArrayList<>(all);
  }

  /** Human-readable violations; empty when every schema can read all its released versions. */
  public static List<String> violations(Map<String, List<Schema>> released, List<Schema> current) {
    List<String> problems = new ArrayList<>();
    for (Schema schema : current) {
      List<Schema> versions = released.getOrDefault(schema.getName(), List.of());
      if (versions.isEmpty()) {
        problems.add(schema.getName() + " has no released version: run the release step and commit it");
      }
      for (int v = 0; v < versions.size(); v++) {
        SchemaPairCompatibility result =
            SchemaCompatibility.checkReaderWriterCompatibility(schema, versions.get(v));
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
          problems.add(schema.getName() + " cannot read released v" + (v + 1) + ": "
              + result.getResult().getIncompatibilities().stream()
                  .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                  .toList());
        }
      }
    }
    return problems;
  }

  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("check") || args[0].equals("release"))) {
      System.err.println("usage: EvolutionCheck check|release <releasedDir>");
      System.exit(2);
    }
    Path dir = Path.of(args[1]);
    if (args[0].equals("release")) {
      ReleasedSchemas.release(dir, topicSchemas()).forEach(p -> System.out.println("released " + p));
      return;
    }
    List<String> problems = violations(ReleasedSchemas.read(dir), topicSchemas());
    problems.forEach(System.err::println);
    if (!problems.isEmpty()) {
      System.exit(1);
    }
    System.out.println("All topic schemas are BACKWARD compatible with their released versions.");
  }
}
