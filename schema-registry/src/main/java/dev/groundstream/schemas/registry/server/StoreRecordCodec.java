package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.schemas.registry.server.StoreRecord.ConfigRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ModeRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ReservedIdRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * JSON keys and values of the registry topic. Keys are written with a fixed field order, because
 * compaction compares key bytes.
 */
final class StoreRecordCodec {
  private static final String SCHEMA = "SCHEMA";
  private static final String CONFIG = "CONFIG";
  private static final String ID_RESERVED = "ID_RESERVED";
  private static final String MODE = "MODE";

  private final ObjectMapper json = new ObjectMapper();

  byte[] encodeKey(StoreRecord record) {
    ObjectNode key = json.createObjectNode();
    // Java 17: no pattern matching for switch yet.
    if (record instanceof SchemaRecord schema) {
      key.put("keytype", SCHEMA);
      key.put("subject", schema.key().subject());
      key.put("version", schema.key().version());
      key.put("id", schema.key().id());
      key.put("claim", schema.key().claim());
    } else if (record instanceof ConfigRecord config) {
      key.put("keytype", CONFIG);
      if (config.subject() != null) {
        key.put("subject", config.subject());
      }
    } else if (record instanceof ReservedIdRecord reserved) {
      key.put("keytype", ID_RESERVED);
      key.put("id", reserved.id());
    } else if (record instanceof ModeRecord mode) {
      key.put("keytype", MODE);
      if (mode.subject() != null) {
        key.put("subject", mode.subject());
      }
    }
    return write(key);
  }

  /** Null for tombstones. */
  byte[] encodeValue(StoreRecord record) {
    ObjectNode value = json.createObjectNode();
    if (record instanceof SchemaRecord schema) {
      if (schema.isTombstone()) {
        return null;
      }
      value.put("schema", schema.schema());
      value.put("deleted", schema.deleted());
      value.setAll(schema.extras().toJson());
    } else if (record instanceof ConfigRecord config) {
      if (config.level() == null && config.options() == null) {
        return null;
      }
      if (config.level() != null) {
        value.put("compatibilityLevel", config.level().name());
      }
      if (config.options() != null) {
        value.set("options", config.options());
      }
    } else if (record instanceof ReservedIdRecord reserved) {
      value.put("id", reserved.id());
    } else if (record instanceof ModeRecord mode) {
      if (mode.mode() == null) {
        return null;
      }
      value.put("mode", mode.mode().name());
    }
    return write(value);
  }

  /**
   * @return empty for records of a kind this version does not know, so newer writers do not
   *     break older readers
   * @throws IllegalArgumentException for records that are not valid JSON of a known kind
   */
  Optional<StoreRecord> decode(byte[] keyBytes, byte[] valueBytes) {
    JsonNode key = read(keyBytes);
    JsonNode value = valueBytes == null ? null : read(valueBytes);
    String keytype = key.path("keytype").asText();
    switch (keytype) {
      case SCHEMA -> {
        SchemaKey schemaKey = new SchemaKey(requiredText(key, "subject"),
            requiredInt(key, "version"), requiredInt(key, "id"), requiredText(key, "claim"));
        if (value == null) {
          return Optional.of(new SchemaRecord(schemaKey, null, false));
        }
        SchemaExtras extras;
        try {
          extras = SchemaExtras.fromJson(value);
        } catch (RegistryException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
        return Optional.of(new SchemaRecord(schemaKey, requiredText(value, "schema"),
            value.path("deleted").asBoolean(false), extras));
      }
      case CONFIG -> {
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        if (value == null) {
          return Optional.of(new ConfigRecord(subject, null, null));
        }
        CompatibilityLevel level = value.hasNonNull("compatibilityLevel")
            ? CompatibilityLevel.valueOf(requiredText(value, "compatibilityLevel"))
            : null;
        ObjectNode options = value.get("options") instanceof ObjectNode o ? o : null;
        return Optional.of(new ConfigRecord(subject, level, options));
      }
      case MODE -> {
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        Mode mode = value == null ? null : Mode.valueOf(requiredText(value, "mode"));
        return Optional.of(new ModeRecord(subject, mode));
      }
      case ID_RESERVED -> {
        return Optional.of(new ReservedIdRecord(requiredInt(key, "id")));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private byte[] write(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode read(byte[] bytes) {
    try {
      JsonNode node = json.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode child = node.get(field);
    if (child == null || !child.isTextual()) {
      throw new IllegalArgumentException("missing text field " + field);
    }
    return child.asText();
  }

  private static int requiredInt(JsonNode node, String field) {
    JsonNode child = node.get(field);
    if (child == null || !child.canConvertToInt() || !child.isIntegralNumber()) {
      throw new IllegalArgumentException("missing integer field " + field);
    }
    return child.asInt();
  }
}
