package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of register, lookup and compatibility requests:
 * {@code {"schema": "...", "schemaType": "AVRO", "references": [...], "metadata": {...},
 * "ruleSet": {...}, "id": N, "version": N}}. {@code id} and {@code version} are null when absent
 * (or negative, as Confluent's clients send for "none"); they are honoured only in IMPORT mode.
 */
record SchemaRequest(String schema, SchemaExtras extras, Integer id, Integer version) {

  static SchemaRequest parse(ObjectMapper json, String body) {
    JsonNode request = JsonBodies.object(json, body);
    JsonNode type = request.get("schemaType");
    if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
      throw RegistryException.invalidSchema("Unsupported schema type " + type.asText()
          + "; this registry supports AVRO only");
    }
    JsonNode schema = request.get("schema");
    if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    return new SchemaRequest(schema.asText(), SchemaExtras.fromJson(request),
        optionalInt(request, "id"), optionalInt(request, "version"));
  }

  private static Integer optionalInt(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw RegistryException.invalidSchema(field + " must be an integer, not " + value);
    }
    int number = value.asInt();
    return number <= 0 ? null : number;
  }
}
