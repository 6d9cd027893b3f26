package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a schema version carries besides its text: Confluent's {@code references} (named types
 * taken from other subject versions), {@code metadata} and {@code ruleSet}. Metadata and rule sets
 * are kept as the JSON the client sent and returned unchanged; rules run in the clients.
 */
record SchemaExtras(List<Reference> references, JsonNode metadata, JsonNode ruleSet) {
  static final SchemaExtras NONE = new SchemaExtras(List.of(), null, null);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper SORTED =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** A named type used by a schema: its full name, and the subject version that defines it. */
  record Reference(String name, String subject, int version) {}

  SchemaExtras {
    references = List.copyOf(references);
  }

  boolean isEmpty() {
    return references.isEmpty() && metadata == null && ruleSet == null;
  }

  SchemaExtras withMetadataAndRuleSet(JsonNode newMetadata, JsonNode newRuleSet) {
    return new SchemaExtras(references, newMetadata, newRuleSet);
  }

  /**
   * Appended to the schema text to identify a schema: equal schema text with other references,
   * metadata or rule set is another schema with another id, as in Confluent. Empty for none, so
   * schemas registered before these fields existed keep their identity.
   */
  String identitySuffix() {
    if (isEmpty()) {
      return "";
    }
    ObjectNode node = toJson();
    try {
      return "\u0000" + SORTED.writeValueAsString(SORTED.treeToValue(node, Object.class));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The metadata property of this name, or null. */
  String metadataProperty(String name) {
    JsonNode value = metadata == null ? null : metadata.path("properties").get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Whether the metadata properties hold every given key with its value. */
  boolean hasMetadataProperties(Map<String, String> wanted) {
    return wanted.entrySet().stream()
        .allMatch(e -> e.getValue().equals(metadataProperty(e.getKey())));
  }

  /** Only the fields present, in Confluent's names, to be merged into a response or store value. */
  ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    if (!references.isEmpty()) {
      ArrayNode array = node.putArray("references");
      for (Reference ref : references) {
        array.addObject().put("name", ref.name()).put("subject", ref.subject())
            .put("version", ref.version());
      }
    }
    if (metadata != null) {
      node.set("metadata", metadata);
    }
    if (ruleSet != null) {
      node.set("ruleSet", ruleSet);
    }
    return node;
  }

  /** Adds the present fields to a response body. */
  void addTo(Map<String, Object> body) {
    toJson().fields().forEachRemaining(e -> body.put(e.getKey(), e.getValue()));
  }

  /**
   * Reads the fields from a request or a store value. A field that is absent or JSON null is
   * absent; one of the wrong shape is refused with 42201 naming it.
   */
  static SchemaExtras fromJson(JsonNode node) {
    List<Reference> references = new ArrayList<>();
    JsonNode refs = node.get("references");
    if (refs != null && !refs.isNull()) {
      if (!refs.isArray()) {
        throw RegistryException.invalidSchema("references must be an array");
      }
      Map<String, Reference> byName = new LinkedHashMap<>();
      for (JsonNode ref : refs) {
        Reference reference = reference(ref);
        if (byName.put(reference.name(), reference) != null) {
          throw RegistryException.invalidSchema("Reference name '" + reference.name()
              + "' appears twice");
        }
        references.add(reference);
      }
    }
    return new SchemaExtras(references, object(node, "metadata"), object(node, "ruleSet"));
  }

  private static Reference reference(JsonNode ref) {
    if (!ref.isObject() || !ref.path("name").isTextual() || ref.path("name").asText().isBlank()
        || !ref.path("subject").isTextual() || ref.path("subject").asText().isBlank()
        || !ref.path("version").canConvertToInt()) {
      throw RegistryException.invalidSchema("Invalid schema reference " + ref
          + ": name, subject and version are required");
    }
    int version = ref.get("version").asInt();
    if (version < 1 && version != -1) {
      throw RegistryException.invalidSchema("Invalid schema reference " + ref
          + ": version must be from 1, or -1 for the latest");
    }
    return new Reference(ref.get("name").asText(), ref.get("subject").asText(), version);
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw RegistryException.invalidSchema(field + " must be a JSON object, not " + value);
    }
    return value;
  }
}
