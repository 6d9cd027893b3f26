package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads JSON request bodies, whatever Content-Type the client declared. */
final class JsonBodies {
  private JsonBodies() {}

  static JsonNode object(ObjectMapper json, String body) {
    if (body == null || body.isBlank()) {
      throw RegistryException.badRequest("Request body is missing");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw RegistryException.badRequest("Request body is not valid JSON: "
          + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw RegistryException.badRequest("Request body must be a JSON object");
    }
    return node;
  }
}
