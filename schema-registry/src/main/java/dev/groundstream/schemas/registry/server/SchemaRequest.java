package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of register, lookup and compatibility requests:
 * {@code {"schema": "...", "schemaType": "AVRO", "references": []}}. Other fields that Confluent's
 * clients send (version, id, metadata, ruleSet) are ignored.
 */
record SchemaRequest(String schema) {

  static SchemaRequest parse(ObjectMapper json, String body) {
    JsonNode request = JsonBodies.object(json, body);
    JsonNode type = request.get("schemaType");
    if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
      throw RegistryException.invalidSchema("Unsupported schema type " + type.asText()
          + "; this registry supports AVRO only");
    }
    JsonNode references = request.get("references");
    if (references != null && !references.isNull()
        && (!references.isArray() || !references.isEmpty())) {
      throw RegistryException.invalidSchema("Schema references are not supported");
    }
    JsonNode schema = request.get("schema");
    if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    return new SchemaRequest(schema.asText());
  }

}
