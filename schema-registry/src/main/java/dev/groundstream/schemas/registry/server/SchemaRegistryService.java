package dev.groundstream.schemas.registry.server;

import dev.groundstream.schemas.registry.server.StoreRecord.ConfigRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ReservedIdRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's operations with Confluent's semantics, independent of HTTP. Reads answer from the
 * local state; a read that misses first catches up with the topic, since another instance may have
 * just written what was asked for. Writes catch up, decide, write, and wait until applied.
 */
final class SchemaRegistryService {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryService.class);
  private static final int MAX_CLAIM_ATTEMPTS = 20;

  private final RegistryState state;
  private final KafkaRegistryStore store;
  /** One write at a time per instance; races between instances are settled by the topic order. */
  private final Object writeLock = new Object();
  /** Losing claims seen by the previous {@link #sweepAbandonedClaims()}. */
  private Set<SchemaKey> losersAtLastSweep = Set.of();

  SchemaRegistryService(RegistryState state, KafkaRegistryStore store) {
    this.state = state;
    this.store = store;
  }

  // ---- schemas by id

  String schemaById(int id) {
    return readFresh(() -> state.schemaById(id)
        .orElseThrow(() -> RegistryException.schemaIdNotFound(id)));
  }

  /** Empty when every use of the id is soft-deleted and those are not asked for. */
  List<SubjectVersion> versionsOfId(int id, boolean includeDeleted) {
    schemaById(id);
    return state.versionsWithId(id, includeDeleted);
  }

  int maxId() {
    return state.maxId();
  }

  // ---- subjects and versions

  List<String> subjects(String prefix, boolean includeDeleted) {
    return state.subjects(includeDeleted).stream()
        .filter(subject -> prefix == null || subject.startsWith(prefix))
        .toList();
  }

  List<Integer> versions(String subject, boolean includeDeleted) {
    return readFresh(() -> {
      List<SubjectVersion> versions = state.versions(subject, includeDeleted);
      if (versions.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      return versions.stream().map(SubjectVersion::version).toList();
    });
  }

  SubjectVersion version(String subject, VersionRef ref, boolean includeDeleted) {
    return readFresh(() -> resolve(subject, ref, includeDeleted));
  }

  private SubjectVersion resolve(String subject, VersionRef ref, boolean includeDeleted) {
    List<SubjectVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    if (ref.isLatest()) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream().filter(v -> v.version() == ref.number()).findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(ref.number()));
  }

  /** The version of a subject holding this schema; a live one is preferred over deleted ones. */
  SubjectVersion lookup(String subject, String schemaText, boolean includeDeleted) {
    String canonical = AvroSchemas.canonical(schemaText);
    return readFresh(() -> {
      List<SubjectVersion> versions = state.versions(subject, includeDeleted);
      if (versions.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      return versions.stream()
          .filter(v -> v.schema().equals(canonical))
          .max(Comparator.comparing((SubjectVersion v) -> !v.deleted())
              .thenComparingInt(SubjectVersion::version))
          .orElseThrow(RegistryException::schemaNotFound);
    });
  }

  // ---- registration

  /** @return the schema's id; an already registered live schema keeps its id and version */
  int register(String subject, String schemaText) {
    Schema schema = AvroSchemas.parse(schemaText);
    String canonical = schema.toString();
    synchronized (writeLock) {
      for (int attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
        store.catchUp();
        List<SubjectVersion> all = state.versions(subject, true);
        List<SubjectVersion> live = all.stream().filter(v -> !v.deleted()).toList();
        Optional<SubjectVersion> existing =
            live.stream().filter(v -> v.schema().equals(canonical)).findFirst();
        if (existing.isPresent()) {
          return existing.get().id();
        }
        CompatibilityLevel level = state.effectiveLevel(subject);
        List<String> problems = CompatibilityChecker.incompatibilities(level, schema, live);
        if (!problems.isEmpty()) {
          throw RegistryException.incompatible("Schema being registered is incompatible with an"
              + " earlier schema for subject \"" + subject + "\", details: " + problems);
        }
        int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
        int id = state.idOf(canonical).orElse(state.maxId() + 1);
        SchemaKey claim = new SchemaKey(subject, version, id, UUID.randomUUID().toString());
        store.write(List.of(new SchemaRecord(claim, canonical, false)));
        if (state.holds(claim)) {
          return id;
        }
        // Another instance claimed this version or id first: withdraw our record and retry.
        LOG.info("Registration of {} version {} id {} lost a race; retrying", subject, version, id);
        store.write(List.of(new SchemaRecord(claim, null, false)));
      }
      throw RegistryException.timeout("Could not register a schema under subject " + subject
          + " after " + MAX_CLAIM_ATTEMPTS + " attempts");
    }
  }

  // ---- compatibility

  /**
   * @param ref the version to check against, or null for all live versions
   * @return incompatibility messages; empty when compatible
   */
  List<String> incompatibilities(String subject, VersionRef ref, String schemaText) {
    Schema schema = AvroSchemas.parse(schemaText);
    List<SubjectVersion> against;
    if (ref == null) {
      against = state.versions(subject, false);
    } else if (ref.isLatest()) {
      // Like Confluent: nothing to be incompatible with when the subject has no live version.
      List<SubjectVersion> live = readFresh(() -> state.versions(subject, false));
      against = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
    } else {
      against = List.of(readFresh(() -> state.version(subject, ref.number())
          .filter(v -> !v.deleted())
          .orElseThrow(() -> RegistryException.versionNotFound(ref.number()))));
    }
    return CompatibilityChecker.incompatibilities(state.effectiveLevel(subject), schema, against);
  }

  // ---- deletes

  /** @return the versions deleted */
  List<Integer> deleteSubject(String subject, boolean permanent) {
    synchronized (writeLock) {
      store.catchUp();
      List<SubjectVersion> all = state.versions(subject, true);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<SubjectVersion> live = all.stream().filter(v -> !v.deleted()).toList();
      List<StoreRecord> records = new ArrayList<>();
      List<SubjectVersion> deleted;
      if (permanent) {
        if (!live.isEmpty()) {
          throw RegistryException.subjectNotSoftDeleted(subject);
        }
        records.addAll(permanentDeleteRecords(all));
        if (state.subjectLevel(subject).isPresent()) {
          records.add(new ConfigRecord(subject, null));
        }
        deleted = all;
      } else {
        if (live.isEmpty()) {
          throw RegistryException.subjectSoftDeleted(subject);
        }
        live.forEach(v -> records.add(new SchemaRecord(v.key(), v.schema(), true)));
        deleted = live;
      }
      store.write(records);
      return deleted.stream().map(SubjectVersion::version).toList();
    }
  }

  /** @return the version deleted */
  int deleteVersion(String subject, VersionRef ref, boolean permanent) {
    synchronized (writeLock) {
      store.catchUp();
      // A numbered version is found even when soft-deleted, to tell "already deleted" apart.
      SubjectVersion target = resolve(subject, ref, permanent || !ref.isLatest());
      if (permanent) {
        if (!target.deleted()) {
          throw RegistryException.versionNotSoftDeleted(subject, target.version());
        }
        store.write(permanentDeleteRecords(List.of(target)));
      } else {
        if (target.deleted()) {
          throw RegistryException.versionSoftDeleted(subject, target.version());
        }
        store.write(List.of(new SchemaRecord(target.key(), target.schema(), true)));
      }
      return target.version();
    }
  }

  /**
   * Tombstones, preceded by a reservation of every id that loses its last use, so that the id
   * stays taken after compaction removes its schema records.
   */
  private List<StoreRecord> permanentDeleteRecords(List<SubjectVersion> versions) {
    List<StoreRecord> records = new ArrayList<>();
    versions.stream().map(SubjectVersion::id).distinct()
        .filter(id -> state.referenceCount(id)
            <= versions.stream().filter(v -> v.id() == id).count())
        .forEach(id -> records.add(new ReservedIdRecord(id)));
    versions.forEach(v -> records.add(new SchemaRecord(v.key(), null, false)));
    return records;
  }

  // ---- compatibility configuration

  CompatibilityLevel globalLevel() {
    return state.globalLevel().orElse(CompatibilityLevel.DEFAULT);
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    Optional<CompatibilityLevel> level = state.subjectLevel(subject);
    if (level.isEmpty()) {
      tryCatchUp();
      level = state.subjectLevel(subject);
    }
    return level;
  }

  /** @param subject null for the global level */
  void setLevel(String subject, CompatibilityLevel level) {
    synchronized (writeLock) {
      store.write(List.of(new ConfigRecord(subject, level)));
    }
  }

  /** @return the level in force before the reset */
  CompatibilityLevel deleteGlobalLevel() {
    synchronized (writeLock) {
      store.catchUp();
      CompatibilityLevel previous = globalLevel();
      store.write(List.of(new ConfigRecord(null, null)));
      return previous;
    }
  }

  /** @return the subject's level before removal */
  CompatibilityLevel deleteSubjectLevel(String subject) {
    synchronized (writeLock) {
      store.catchUp();
      CompatibilityLevel previous = state.subjectLevel(subject)
          .orElseThrow(() -> RegistryException.subjectLevelConfigNotFound(subject));
      store.write(List.of(new ConfigRecord(subject, null)));
      return previous;
    }
  }

  // ---- housekeeping

  /**
   * Tombstones every losing claim found while starting: no writer of this instance exists yet, so
   * they belong to writers that died before withdrawing them. Left in the topic, a loser could
   * take the place of its winner once compaction has removed the winner's records.
   */
  void withdrawAbandonedClaims() {
    withdraw(state.unresolvedLosers());
  }

  /**
   * Tombstones losing claims that were already there at the previous sweep; a live writer
   * withdraws its own within moments, so only abandoned ones survive a whole period.
   */
  synchronized void sweepAbandonedClaims() {
    List<SchemaKey> current = state.unresolvedLosers();
    List<SchemaKey> abandoned = current.stream().filter(losersAtLastSweep::contains).toList();
    losersAtLastSweep = new HashSet<>(current);
    abandoned.forEach(losersAtLastSweep::remove);
    withdraw(abandoned);
  }

  private void withdraw(List<SchemaKey> losers) {
    if (losers.isEmpty()) {
      return;
    }
    synchronized (writeLock) {
      List<StoreRecord> tombstones = new ArrayList<>();
      losers.forEach(key -> tombstones.add(new SchemaRecord(key, null, false)));
      store.write(tombstones);
      LOG.info("Withdrew {} abandoned losing claims from the registry topic", tombstones.size());
    }
  }

  boolean isHealthy() {
    return store.isHealthy();
  }

  long appliedPosition() {
    return store.appliedPosition();
  }

  private <T> T readFresh(Supplier<T> query) {
    try {
      return query.get();
    } catch (RegistryException e) {
      if (!e.isNotFound() || !tryCatchUp()) {
        throw e;
      }
      return query.get();
    }
  }

  private boolean tryCatchUp() {
    try {
      store.catchUp();
      return true;
    } catch (RegistryException e) {
      LOG.warn("Could not catch up with the registry topic: {}", e.getMessage());
      return false;
    }
  }
}
