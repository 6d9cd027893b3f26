package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.schemas.registry.server.StoreRecord.ConfigRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ModeRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ReservedIdRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The registry's in-memory view, built only by applying topic records in topic order. Every
 * instance applies the same records in the same order with the same rules, so all instances agree.
 *
 * <p>Race rule: the first record (in topic order) that claims a subject+version, an id for a schema
 * text, or a schema text for an id wins; a later record contradicting it is ignored and remembered
 * as a loser until a tombstone for its key arrives. The rules never depend on which id is highest,
 * because compaction may move a record behind newer ones (its latest value stays, older ones go).
 *
 * <p>Thread-safe: the store's reader applies while request threads query.
 */
final class RegistryState {
  private final Map<String, TreeMap<Integer, SubjectVersion>> subjects = new HashMap<>();
  private final Map<Integer, StoredSchema> schemaById = new HashMap<>();
  /** Keyed by {@link StoredSchema#identity()}. */
  private final Map<String, Integer> idBySchema = new HashMap<>();
  private final Map<Integer, Integer> referenceCountById = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final Map<String, ObjectNode> subjectOptions = new HashMap<>();
  private final Map<String, Mode> subjectModes = new HashMap<>();
  private ObjectNode globalOptions;
  private Mode globalMode;
  private final Set<SchemaKey> unresolvedLosers = new LinkedHashSet<>();
  private CompatibilityLevel globalLevel;
  private int maxId;

  /** @return whether the record changed the state (false: a losing or stale claim) */
  synchronized boolean apply(StoreRecord record) {
    if (record instanceof SchemaRecord schema) {
      return schema.isTombstone() ? applyTombstone(schema.key()) : applySchema(schema);
    }
    if (record instanceof ConfigRecord config) {
      applyConfig(config);
      return true;
    }
    if (record instanceof ReservedIdRecord reserved) {
      maxId = Math.max(maxId, reserved.id());
      return true;
    }
    if (record instanceof ModeRecord mode) {
      if (mode.subject() == null) {
        globalMode = mode.mode();
      } else if (mode.mode() == null) {
        subjectModes.remove(mode.subject());
      } else {
        subjectModes.put(mode.subject(), mode.mode());
      }
      return true;
    }
    return false;
  }

  private boolean applySchema(SchemaRecord record) {
    SchemaKey key = record.key();
    SubjectVersion holder = version(key.subject(), key.version()).orElse(null);
    if (holder != null && holder.claim().equals(key.claim())) {
      // An update of the winner: only ever a soft delete.
      put(new SubjectVersion(key.subject(), key.version(), key.id(), holder.schema(), key.claim(),
          holder.deleted() || record.deleted(), holder.extras()));
      return true;
    }
    if (holder != null) {
      if (!record.deleted()) {
        unresolvedLosers.add(key);
        return false;
      }
      // Soft deletes are written only for the winner, so the holder here is a loser that
      // survived while compaction moved the winner's record behind it: restore the winner.
      removeVersion(holder);
    }
    StoredSchema stored = new StoredSchema(record.schema(), record.extras());
    if (!canClaim(key, stored, record.deleted())) {
      if (!record.deleted()) {
        unresolvedLosers.add(key);
      }
      return false;
    }
    put(new SubjectVersion(key.subject(), key.version(), key.id(), record.schema(), key.claim(),
        record.deleted(), record.extras()));
    schemaById.put(key.id(), stored);
    idBySchema.put(stored.identity(), key.id());
    referenceCountById.merge(key.id(), 1, Integer::sum);
    maxId = Math.max(maxId, key.id());
    return true;
  }

  private boolean canClaim(SchemaKey key, StoredSchema schema, boolean deleted) {
    StoredSchema ofId = schemaById.get(key.id());
    if (ofId != null && !ofId.identity().equals(schema.identity())) {
      return false;
    }
    Integer idOfText = idBySchema.get(schema.identity());
    if (idOfText != null && idOfText != key.id()) {
      return false;
    }
    // A live schema appears once per subject; a concurrent duplicate registration loses.
    return deleted || versions(key.subject(), false).stream()
        .noneMatch(existing -> existing.stored().identity().equals(schema.identity()));
  }

  private boolean applyTombstone(SchemaKey key) {
    SubjectVersion holder = version(key.subject(), key.version()).orElse(null);
    if (holder == null || !holder.claim().equals(key.claim())) {
      unresolvedLosers.remove(key);
      return false;
    }
    removeVersion(holder);
    return true;
  }

  private void removeVersion(SubjectVersion version) {
    TreeMap<Integer, SubjectVersion> versions = subjects.get(version.subject());
    versions.remove(version.version());
    if (versions.isEmpty()) {
      subjects.remove(version.subject());
    }
    int remaining = referenceCountById.merge(version.id(), -1, Integer::sum);
    if (remaining <= 0) {
      referenceCountById.remove(version.id());
      schemaById.remove(version.id());
      idBySchema.remove(version.stored().identity());
    }
  }

  private void put(SubjectVersion version) {
    subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>())
        .put(version.version(), version);
  }

  private void applyConfig(ConfigRecord config) {
    if (config.subject() == null) {
      globalLevel = config.level();
      globalOptions = config.options();
      return;
    }
    if (config.level() == null) {
      subjectLevels.remove(config.subject());
    } else {
      subjectLevels.put(config.subject(), config.level());
    }
    if (config.options() == null) {
      subjectOptions.remove(config.subject());
    } else {
      subjectOptions.put(config.subject(), config.options());
    }
  }

  synchronized Optional<StoredSchema> schemaById(int id) {
    return Optional.ofNullable(schemaById.get(id));
  }

  synchronized Optional<Integer> idOf(StoredSchema schema) {
    return Optional.ofNullable(idBySchema.get(schema.identity()));
  }

  /** Ids of every version (soft-deleted ones too) whose references name this subject version. */
  synchronized List<Integer> referencedBy(String subject, int version) {
    return subjects.values().stream()
        .flatMap(versions -> versions.values().stream())
        .filter(v -> v.extras().references().stream()
            .anyMatch(r -> r.subject().equals(subject) && r.version() == version))
        .map(SubjectVersion::id)
        .distinct()
        .sorted()
        .toList();
  }

  /** Every version of every subject, by subject then version. */
  synchronized List<SubjectVersion> allVersions(boolean includeDeleted) {
    return subjects.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .flatMap(e -> e.getValue().values().stream())
        .filter(v -> includeDeleted || !v.deleted())
        .toList();
  }

  synchronized Optional<Mode> subjectMode(String subject) {
    return Optional.ofNullable(subjectModes.get(subject));
  }

  synchronized Optional<Mode> globalMode() {
    return Optional.ofNullable(globalMode);
  }

  synchronized Mode effectiveMode(String subject) {
    Mode mode = subject == null ? null : subjectModes.get(subject);
    if (mode != null) {
      return mode;
    }
    return globalMode != null ? globalMode : Mode.DEFAULT;
  }

  /** @param subject null for the global options */
  synchronized Optional<ObjectNode> options(String subject) {
    return Optional.ofNullable(subject == null ? globalOptions : subjectOptions.get(subject));
  }

  /** A config option of the subject, else the global one; null when neither sets it. */
  synchronized com.fasterxml.jackson.databind.JsonNode effectiveOption(String subject,
      String name) {
    ObjectNode subjectLevel = subject == null ? null : subjectOptions.get(subject);
    if (subjectLevel != null && subjectLevel.hasNonNull(name)) {
      return subjectLevel.get(name);
    }
    return globalOptions == null ? null : globalOptions.get(name);
  }

  /** Highest id ever applied, including ids of permanently deleted schemas. */
  synchronized int maxId() {
    return maxId;
  }

  /** Versions of a subject, oldest first. */
  synchronized List<SubjectVersion> versions(String subject, boolean includeDeleted) {
    TreeMap<Integer, SubjectVersion> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
  }

  synchronized Optional<SubjectVersion> version(String subject, int version) {
    TreeMap<Integer, SubjectVersion> versions = subjects.get(subject);
    return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
  }

  /** Every subject version that uses an id, ordered by subject then version. */
  synchronized List<SubjectVersion> versionsWithId(int id, boolean includeDeleted) {
    List<SubjectVersion> found = new ArrayList<>();
    for (TreeMap<Integer, SubjectVersion> versions : subjects.values()) {
      for (SubjectVersion version : versions.values()) {
        if (version.id() == id && (includeDeleted || !version.deleted())) {
          found.add(version);
        }
      }
    }
    found.sort(Comparator.comparing(SubjectVersion::subject)
        .thenComparingInt(SubjectVersion::version));
    return found;
  }

  /** Subjects with a live version (or any version when includeDeleted), sorted. */
  synchronized List<String> subjects(boolean includeDeleted) {
    return subjects.entrySet().stream()
        .filter(e -> includeDeleted || e.getValue().values().stream().anyMatch(v -> !v.deleted()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  synchronized int referenceCount(int id) {
    return referenceCountById.getOrDefault(id, 0);
  }

  synchronized boolean holds(SchemaKey key) {
    return version(key.subject(), key.version())
        .map(v -> v.claim().equals(key.claim()))
        .orElse(false);
  }

  synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  synchronized Optional<CompatibilityLevel> globalLevel() {
    return Optional.ofNullable(globalLevel);
  }

  synchronized CompatibilityLevel effectiveLevel(String subject) {
    CompatibilityLevel subjectLevel = subjectLevels.get(subject);
    if (subjectLevel != null) {
      return subjectLevel;
    }
    return globalLevel != null ? globalLevel : CompatibilityLevel.DEFAULT;
  }

  /** Losing claims whose writer has not yet tombstoned them (for example because it crashed). */
  synchronized List<SchemaKey> unresolvedLosers() {
    return List.copyOf(unresolvedLosers);
  }
}
