package dev.groundstream.schemas.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks a candidate schema against earlier versions under a compatibility level, using Avro's
 * reader/writer rules. BACKWARD: the candidate, as reader, reads data written with an earlier
 * version; FORWARD: an earlier version reads data written with the candidate.
 */
final class CompatibilityChecker {
  private CompatibilityChecker() {}

  /**
   * @param earlierVersions live versions of the subject, oldest first
   * @return Confluent-style descriptions of every incompatibility; empty when compatible
   */
  static List<String> incompatibilities(
      CompatibilityLevel level, Schema candidate, List<SubjectVersion> earlierVersions) {
    return incompatibilities(level, candidate, earlierVersions, v -> AvroSchemas.parse(v.schema()));
  }

  /** @param parser parses an earlier version with its references resolved */
  static List<String> incompatibilities(CompatibilityLevel level, Schema candidate,
      List<SubjectVersion> earlierVersions, Function<SubjectVersion, Schema> parser) {
    if (level == CompatibilityLevel.NONE || earlierVersions.isEmpty()) {
      return List.of();
    }
    List<SubjectVersion> checked = level.isTransitive()
        ? earlierVersions
        : List.of(earlierVersions.get(earlierVersions.size() - 1));
    List<String> messages = new ArrayList<>();
    // Newest first, as Confluent reports the closest conflicting version first.
    for (int i = checked.size() - 1; i >= 0; i--) {
      SubjectVersion earlier = checked.get(i);
      Schema earlierSchema = parser.apply(earlier);
      List<String> found = new ArrayList<>();
      if (level.checksBackward()) {
        found.addAll(describe(candidate, earlierSchema));
      }
      if (level.checksForward()) {
        found.addAll(describe(earlierSchema, candidate));
      }
      if (!found.isEmpty()) {
        messages.addAll(found);
        messages.add("{oldSchemaVersion: " + earlier.version() + "}");
        messages.add("{oldSchema: '" + earlier.schema() + "'}");
        messages.add("{compatibility: '" + level + "'}");
      }
    }
    return messages;
  }

  private static List<String> describe(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaCompatibilityResult result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (Incompatibility incompatibility : result.getIncompatibilities()) {
      messages.add("{errorType:'" + incompatibility.getType() + "', description:'"
          + incompatibility.getMessage() + "', location:'" + incompatibility.getLocation()
          + "'}");
    }
    return messages;
  }
}
