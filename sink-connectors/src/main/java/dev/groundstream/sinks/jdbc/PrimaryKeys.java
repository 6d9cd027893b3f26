package dev.groundstream.sinks.jdbc;

import java.util.List;
import java.util.Map;

/**
 * Root-table keys of GroundStream's records when pk.fields is not set: one row per result or
 * evaluation of a request by a model version, one row per metric aggregate and window.
 */
public final class PrimaryKeys {
  private static final List<String> REQUEST_AND_MODEL = List.of("request_id", "model_name", "model_version");
  private static final Map<String, List<String>> BUILT_IN = Map.of(
      "dev.groundstream.avro.GroundingResult", REQUEST_AND_MODEL,
      "dev.groundstream.avro.Evaluation", REQUEST_AND_MODEL,
      "dev.groundstream.avro.AccuracySnapshot", List.of("model", "dataset", "category", "window", "window_start"),
      "dev.groundstream.avro.GroundingRequest", List.of("request_id"),
      "dev.groundstream.avro.GroundTruth", List.of("request_id"),
      "dev.groundstream.avro.QualityAlert", List.of("alert_id"));

  private PrimaryKeys() {}

  /** The configured key, else the built-in one for the schema name, else empty. */
  public static List<String> forSchema(String schemaName, List<String> configured) {
    if (!configured.isEmpty()) {
      return configured;
    }
    return schemaName == null ? List.of() : BUILT_IN.getOrDefault(schemaName, List.of());
  }
}
