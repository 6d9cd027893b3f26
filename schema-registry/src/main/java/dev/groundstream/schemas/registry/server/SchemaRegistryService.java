package dev.groundstream.schemas.registry.server;

import dev.groundstream.schemas.registry.server.StoreRecord.ConfigRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ReservedIdRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final RegistryState state;
  private final KafkaRegistryStore store;
  private final ReferenceResolver resolver;
  private final SchemaRegistration registration;
  /** One write at a time per instance; races between instances are settled by the topic order. */
  private final Object writeLock;
  /** Losing claims seen by the previous {@link #sweepAbandonedClaims()}. */
  private Set<SchemaKey> losersAtLastSweep = Set.of();

  SchemaRegistryService(RegistryState state, KafkaRegistryStore store, Object writeLock) {
    this.state = state;
    this.store = store;
    this.writeLock = writeLock;
    this.resolver = new ReferenceResolver(state);
    this.registration = new SchemaRegistration(state, store, resolver, writeLock);
  }

  // ---- schemas by id

  StoredSchema schemaById(int id) {
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

  /** @param deletedOnly only subjects (versions) that are soft-deleted */
  List<String> subjects(String prefix, boolean includeDeleted, boolean deletedOnly) {
    List<String> all = state.subjects(includeDeleted || deletedOnly);
    return all.stream()
        .filter(subject -> prefix == null || subject.startsWith(prefix))
        .filter(subject -> !deletedOnly
            || state.versions(subject, true).stream().anyMatch(SubjectVersion::deleted))
        .toList();
  }

  List<Integer> versions(String subject, boolean includeDeleted, boolean deletedOnly) {
    return readFresh(() -> {
      List<SubjectVersion> versions = state.versions(subject, includeDeleted || deletedOnly);
      if (versions.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      return versions.stream().filter(v -> !deletedOnly || v.deleted())
          .map(SubjectVersion::version).toList();
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

  /**
   * The version of a subject holding this schema with these references; a live one is preferred
   * over deleted ones. Metadata and rule set, when the request gives them, must match too.
   */
  SubjectVersion lookup(String subject, SchemaRequest request, boolean includeDeleted) {
    return readFresh(() -> {
      List<SubjectVersion> versions = state.versions(subject, includeDeleted);
      if (versions.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      ReferenceResolver.Resolved resolved =
          resolver.resolve(request.schema(), request.extras().references());
      String canonical = resolved.canonical();
      SchemaExtras asked = request.extras();
      return versions.stream()
          .filter(v -> v.schema().equals(canonical)
              && v.extras().references().equals(resolved.references())
              && (asked.metadata() == null || asked.metadata().equals(v.extras().metadata()))
              && (asked.ruleSet() == null || asked.ruleSet().equals(v.extras().ruleSet())))
          .max(Comparator.comparing((SubjectVersion v) -> !v.deleted())
              .thenComparingInt(SubjectVersion::version))
          .orElseThrow(RegistryException::schemaNotFound);
    });
  }

  /** The latest version whose metadata properties hold every given key and value. */
  SubjectVersion latestWithMetadata(String subject, Map<String, String> wanted,
      boolean includeDeleted) {
    return readFresh(() -> {
      List<SubjectVersion> versions = state.versions(subject, includeDeleted);
      if (versions.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      for (int i = versions.size() - 1; i >= 0; i--) {
        if (versions.get(i).extras().metadata() != null
            && versions.get(i).extras().hasMetadataProperties(wanted)) {
          return versions.get(i);
        }
      }
      throw RegistryException.schemaNotFound();
    });
  }

  /** Ids of the schemas whose references name this version. */
  List<Integer> referencedBy(String subject, VersionRef ref) {
    SubjectVersion target = version(subject, ref, true);
    return state.referencedBy(target.subject(), target.version());
  }

  /** GET /schemas: versions by subject then version, paged. */
  List<SubjectVersion> listSchemas(String prefix, boolean includeDeleted, boolean latestOnly,
      int offset, int limit) {
    List<SubjectVersion> all = state.allVersions(includeDeleted).stream()
        .filter(v -> prefix == null || v.subject().startsWith(prefix))
        .toList();
    if (latestOnly) {
      Map<String, SubjectVersion> latest = new LinkedHashMap<>();
      all.forEach(v -> latest.put(v.subject(), v));
      all = List.copyOf(latest.values());
    }
    return all.stream().skip(Math.max(0, offset)).limit(limit < 0 ? Long.MAX_VALUE : limit)
        .toList();
  }

  // ---- registration

  /** @return the schema's id; an already registered live schema keeps its id and version */
  int register(String subject, SchemaRequest request) {
    return registration.register(subject, request);
  }

  // ---- compatibility

  /**
   * @param ref the version to check against, or null for all live versions
   * @return incompatibility messages; empty when compatible
   */
  List<String> incompatibilities(String subject, VersionRef ref, SchemaRequest request) {
    Schema schema = resolver.resolve(request.schema(), request.extras().references()).schema();
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
    return CompatibilityChecker.incompatibilities(state.effectiveLevel(subject), schema, against,
        resolver::parseStored);
  }

  // ---- deletes

  /** @return the versions deleted */
  List<Integer> deleteSubject(String subject, boolean permanent) {
    synchronized (writeLock) {
      store.catchUp();
      refuseIfReadOnly(subject);
      List<SubjectVersion> all = state.versions(subject, true);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      all.stream().filter(v -> permanent || !v.deleted()).forEach(this::refuseIfReferenced);
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
      refuseIfReadOnly(subject);
      SubjectVersion target = resolve(subject, ref, permanent || !ref.isLatest());
      refuseIfReferenced(target);
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

  private void refuseIfReadOnly(String subject) {
    if (state.effectiveMode(subject).isReadOnly()) {
      throw RegistryException.readOnly(subject);
    }
  }

  /** Confluent's 42206: a version other schemas reference cannot be deleted. */
  private void refuseIfReferenced(SubjectVersion version) {
    List<Integer> users = state.referencedBy(version.subject(), version.version());
    if (!users.isEmpty()) {
      throw new RegistryException(42206, "One or more references exist to the schema {subject="
          + version.subject() + ",version=" + version.version() + "}: schema ids " + users);
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

  <T> T readFresh(Supplier<T> query) {
    try {
      return query.get();
    } catch (RegistryException e) {
      if (!e.isNotFound() || !tryCatchUp()) {
        throw e;
      }
      return query.get();
    }
  }

  boolean tryCatchUp() {
    try {
      store.catchUp();
      return true;
    } catch (RegistryException e) {
      LOG.warn("Could not catch up with the registry topic: {}", e.getMessage());
      return false;
    }
  }
}
