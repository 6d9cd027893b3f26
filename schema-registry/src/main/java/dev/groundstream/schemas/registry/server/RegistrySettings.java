package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.schemas.registry.server.StoreRecord.ConfigRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ModeRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configs ({@code /config}) and modes ({@code /mode}), global and per subject, stored in the
 * registry topic like the schemas. A config holds a compatibility level and Confluent's other
 * config fields; an update changes only the fields it names, as in Confluent.
 */
final class RegistrySettings {
  /** Config fields besides the level, with the JSON type each must have. */
  private static final Map<String, String> OPTIONS = Map.of(
      "normalize", "boolean", "validateFields", "boolean", "validateRules", "boolean",
      "alias", "string", "compatibilityGroup", "string",
      "defaultMetadata", "object", "overrideMetadata", "object",
      "defaultRuleSet", "object", "overrideRuleSet", "object");

  private final RegistryState state;
  private final KafkaRegistryStore store;
  private final SchemaRegistryService service;
  private final Object writeLock;
  private final ObjectMapper json = new ObjectMapper();

  RegistrySettings(RegistryState state, KafkaRegistryStore store, SchemaRegistryService service,
      Object writeLock) {
    this.state = state;
    this.store = store;
    this.service = service;
    this.writeLock = writeLock;
  }

  // ---- config

  /** @param subject null for the global config */
  Map<String, Object> config(String subject, boolean defaultToGlobal) {
    if (subject != null && !hasConfig(subject)) {
      service.tryCatchUp();
    }
    if (subject != null && !hasConfig(subject)) {
      if (!defaultToGlobal) {
        throw RegistryException.subjectLevelConfigNotFound(subject);
      }
      subject = null;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    CompatibilityLevel level = subject == null
        ? state.globalLevel().orElse(CompatibilityLevel.DEFAULT)
        : state.subjectLevel(subject).orElse(state.effectiveLevel(null));
    body.put("compatibilityLevel", level.name());
    state.options(subject).ifPresent(options -> putAll(body, options));
    return body;
  }

  private boolean hasConfig(String subject) {
    return state.subjectLevel(subject).isPresent() || state.options(subject).isPresent();
  }

  /**
   * PUT /config: {@code compatibility} (or {@code compatibilityLevel}) and any config field.
   *
   * @return the fields set, with the level under "compatibility" as Confluent answers
   */
  Map<String, Object> updateConfig(String subject, JsonNode request) {
    JsonNode requested = request.hasNonNull("compatibility")
        ? request.get("compatibility") : request.get("compatibilityLevel");
    CompatibilityLevel level = requested == null || requested.isNull()
        ? null : CompatibilityLevel.parse(requested.asText());
    ObjectNode options = json.createObjectNode();
    OPTIONS.forEach((field, type) -> {
      JsonNode value = request.get(field);
      if (value != null && !value.isNull()) {
        if (!hasType(value, type)) {
          throw new RegistryException(42203, "Invalid config: " + field + " must be a JSON "
              + type + ", not " + value);
        }
        options.set(field, value);
      }
    });
    if (level == null && options.isEmpty()) {
      throw RegistryException.invalidCompatibilityLevel();
    }
    synchronized (writeLock) {
      store.catchUp();
      CompatibilityLevel newLevel = level != null ? level : subject == null
          ? state.globalLevel().orElse(null) : state.subjectLevel(subject).orElse(null);
      ObjectNode merged = state.options(subject).map(ObjectNode::deepCopy)
          .orElse(json.createObjectNode());
      merged.setAll(options);
      store.write(List.of(new ConfigRecord(subject, newLevel, merged.isEmpty() ? null : merged)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (level != null) {
      body.put("compatibility", level.name());
    }
    putAll(body, options);
    return body;
  }

  /** @return the config in force before the reset (global) or removal (subject) */
  Map<String, Object> deleteConfig(String subject) {
    synchronized (writeLock) {
      store.catchUp();
      Map<String, Object> previous = config(subject, false);
      store.write(List.of(new ConfigRecord(subject, null, null)));
      return previous;
    }
  }

  // ---- modes

  /** @param subject null for the global mode */
  Mode mode(String subject, boolean defaultToGlobal) {
    if (subject == null) {
      return state.globalMode().orElse(Mode.DEFAULT);
    }
    Optional<Mode> mode = state.subjectMode(subject);
    if (mode.isEmpty()) {
      service.tryCatchUp();
      mode = state.subjectMode(subject);
    }
    if (mode.isPresent()) {
      return mode.get();
    }
    if (defaultToGlobal) {
      return mode(null, false);
    }
    throw RegistryException.subjectModeNotFound(subject);
  }

  /**
   * IMPORT is refused while the registry (or the subject) has live schemas, unless forced: an
   * import keeps the source registry's ids, which must not collide with schemas already here.
   */
  Mode setMode(String subject, Mode mode, boolean force) {
    synchronized (writeLock) {
      store.catchUp();
      if (mode == Mode.IMPORT && !force) {
        boolean occupied = subject == null
            ? !state.subjects(false).isEmpty()
            : !state.versions(subject, false).isEmpty();
        if (occupied) {
          throw RegistryException.notPermitted("Cannot import since found existing subjects");
        }
      }
      store.write(List.of(new ModeRecord(subject, mode)));
      return mode;
    }
  }

  /** @return the mode before removal; the global one goes back to READWRITE */
  Mode deleteMode(String subject) {
    synchronized (writeLock) {
      store.catchUp();
      Mode previous = mode(subject, false);
      store.write(List.of(new ModeRecord(subject, null)));
      return previous;
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "boolean" -> value.isBoolean();
      case "string" -> value.isTextual();
      default -> value.isObject();
    };
  }

  private static void putAll(Map<String, Object> body, ObjectNode options) {
    options.fields().forEachRemaining(e -> body.put(e.getKey(), e.getValue()));
  }
}
