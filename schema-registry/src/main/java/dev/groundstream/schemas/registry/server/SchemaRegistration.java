package dev.groundstream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration with Confluent's rules: the subject's mode decides what is accepted (READWRITE:
 * no id; IMPORT: an explicit id and optional version, no compatibility check; READONLY: nothing),
 * references are resolved, metadata and rule set are inherited from the previous version and
 * merged with the config's defaults and overrides, and the compatibility check runs on the
 * resolved schema against the versions of the same compatibility group.
 */
final class SchemaRegistration {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistration.class);
  private static final int MAX_CLAIM_ATTEMPTS = 20;

  private final RegistryState state;
  private final KafkaRegistryStore store;
  private final ReferenceResolver resolver;
  private final Object writeLock;

  SchemaRegistration(RegistryState state, KafkaRegistryStore store, ReferenceResolver resolver,
      Object writeLock) {
    this.state = state;
    this.store = store;
    this.resolver = resolver;
    this.writeLock = writeLock;
  }

  /** @return the schema's id; an already registered live schema keeps its id and version */
  int register(String subject, SchemaRequest request) {
    synchronized (writeLock) {
      for (int attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
        store.catchUp();
        Mode mode = state.effectiveMode(subject);
        if (mode.isReadOnly()) {
          throw RegistryException.readOnly(subject);
        }
        if (request.id() != null && mode != Mode.IMPORT) {
          throw RegistryException.notPermitted("Subject " + subject + " is not in import mode");
        }
        if (request.id() == null && mode != Mode.READWRITE) {
          throw RegistryException.notPermitted("Subject " + subject
              + " is not in read-write mode");
        }
        ReferenceResolver.Resolved resolved =
            resolver.resolve(request.schema(), request.extras().references());
        List<SubjectVersion> all = state.versions(subject, true);
        List<SubjectVersion> live = all.stream().filter(v -> !v.deleted()).toList();
        SubjectVersion previous = live.isEmpty() ? null : live.get(live.size() - 1);
        StoredSchema candidate = new StoredSchema(resolved.canonical(),
            withConfiguredMetadata(subject, request.extras(), previous, resolved.references()));
        Optional<SubjectVersion> existing = live.stream()
            .filter(v -> v.stored().identity().equals(candidate.identity())).findFirst();
        if (existing.isPresent()
            && (request.id() == null || request.id() == existing.get().id())) {
          return existing.get().id();
        }
        int version;
        int id;
        if (mode == Mode.IMPORT) {
          id = request.id();
          state.schemaById(id).filter(s -> !s.identity().equals(candidate.identity()))
              .ifPresent(s -> {
                throw RegistryException.notPermitted("Overwrite new schema with id " + id
                    + " is not permitted.");
              });
          version = request.version() != null ? request.version() : nextVersion(all);
          if (state.version(subject, version).isPresent()) {
            throw RegistryException.notPermitted("Subject " + subject + " already has version "
                + version + "; an import cannot overwrite it");
          }
        } else {
          List<String> problems = CompatibilityChecker.incompatibilities(
              state.effectiveLevel(subject), resolved.schema(),
              inGroup(subject, candidate.extras(), live), resolver::parseStored);
          if (!problems.isEmpty()) {
            throw RegistryException.incompatible("Schema being registered is incompatible with"
                + " an earlier schema for subject \"" + subject + "\", details: " + problems);
          }
          version = nextVersion(all);
          if (request.version() != null && request.version() != version) {
            throw RegistryException.invalidSchema("Version is not one more than previous version");
          }
          id = state.idOf(candidate).orElse(state.maxId() + 1);
        }
        SchemaKey claim = new SchemaKey(subject, version, id, UUID.randomUUID().toString());
        store.write(List.of(
            new SchemaRecord(claim, candidate.schema(), false, candidate.extras())));
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

  private static int nextVersion(List<SubjectVersion> all) {
    return all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
  }

  /**
   * Confluent's rule: a version without metadata (rule set) inherits the previous version's;
   * the config's defaults go under it and its overrides over it.
   */
  private SchemaExtras withConfiguredMetadata(String subject, SchemaExtras requested,
      SubjectVersion previous, List<SchemaExtras.Reference> pinnedReferences) {
    JsonNode metadata = requested.metadata() != null || previous == null
        ? requested.metadata() : previous.extras().metadata();
    JsonNode ruleSet = requested.ruleSet() != null || previous == null
        ? requested.ruleSet() : previous.extras().ruleSet();
    metadata = MetadataMerge.metadata(MetadataMerge.metadata(
        state.effectiveOption(subject, "defaultMetadata"), metadata),
        state.effectiveOption(subject, "overrideMetadata"));
    ruleSet = MetadataMerge.ruleSet(MetadataMerge.ruleSet(
        state.effectiveOption(subject, "defaultRuleSet"), ruleSet),
        state.effectiveOption(subject, "overrideRuleSet"));
    return new SchemaExtras(pinnedReferences, metadata, ruleSet);
  }

  /** With a compatibilityGroup, only versions whose metadata property of that name is equal. */
  private List<SubjectVersion> inGroup(String subject, SchemaExtras candidate,
      List<SubjectVersion> live) {
    JsonNode group = state.effectiveOption(subject, "compatibilityGroup");
    if (group == null || !group.isTextual()) {
      return live;
    }
    String value = candidate.metadataProperty(group.asText());
    return live.stream()
        .filter(v -> Objects.equals(value, v.extras().metadataProperty(group.asText())))
        .toList();
  }
}
