package dev.groundstream.schemas.registry.server;

import dev.groundstream.schemas.registry.server.SchemaExtras.Reference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Parses a schema together with the subject versions its references name: every referenced
 * schema (and, depth first, what it references in turn) is parsed first into the same Avro
 * parser, so the schema can use their named types. A reference to a missing subject or version,
 * and a reference cycle, are refused with 42201 naming them.
 */
final class ReferenceResolver {
  private final RegistryState state;

  /** The parsed schema, and the referenced schemas whose types it uses by name. */
  record Resolved(Schema schema, List<Schema> referenced, List<Reference> references) {
    /** The text to store: the schema's own definitions, referenced types by name only. */
    String canonical() {
      return referenced.isEmpty() ? schema.toString() : schema.toString(referenced, false);
    }
  }

  ReferenceResolver(RegistryState state) {
    this.state = state;
  }

  /**
   * @param references as requested; a version of -1 is replaced by the latest version's number
   */
  Resolved resolve(String schemaText, List<Reference> references) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    Schema.Parser parser = new Schema.Parser();
    List<Schema> referenced = new ArrayList<>();
    List<Reference> pinned = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Reference reference : references) {
      SubjectVersion target = find(reference);
      pinned.add(new Reference(reference.name(), target.subject(), target.version()));
      load(target, parser, new LinkedHashSet<>(), done, referenced);
    }
    Schema schema;
    try {
      schema = parser.parse(schemaText);
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema("Invalid schema " + schemaText + " with refs "
          + references + " of type AVRO, details: " + e.getMessage());
    }
    return new Resolved(schema, referenced, pinned);
  }

  /** Parses a stored version with its references, as registered. */
  Schema parseStored(SubjectVersion version) {
    return resolve(version.schema(), version.extras().references()).schema();
  }

  Schema parseStored(StoredSchema stored) {
    return resolve(stored.schema(), stored.extras().references()).schema();
  }

  private void load(SubjectVersion version, Schema.Parser parser, Set<String> visiting,
      Set<String> done, List<Schema> referenced) {
    String key = version.subject() + " version " + version.version();
    if (done.contains(key)) {
      return;
    }
    if (!visiting.add(key)) {
      throw RegistryException.invalidSchema("Invalid schema: reference cycle through "
          + String.join(" -> ", visiting) + " -> " + key);
    }
    for (Reference nested : version.extras().references()) {
      load(find(nested), parser, visiting, done, referenced);
    }
    try {
      referenced.add(parser.parse(version.schema()));
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema("Invalid schema: referenced subject '"
          + version.subject() + "' version " + version.version() + " cannot be parsed with its"
          + " references: " + e.getMessage());
    }
    visiting.remove(key);
    done.add(key);
  }

  /** Soft-deleted versions still resolve, as in Confluent; "latest" means the latest live one. */
  private SubjectVersion find(Reference reference) {
    if (reference.version() == -1) {
      List<SubjectVersion> live = state.versions(reference.subject(), false);
      if (live.isEmpty()) {
        throw missing(reference);
      }
      return live.get(live.size() - 1);
    }
    return state.version(reference.subject(), reference.version())
        .orElseThrow(() -> missing(reference));
  }

  private static RegistryException missing(Reference reference) {
    return RegistryException.invalidSchema("Invalid schema: reference '" + reference.name()
        + "' names subject '" + reference.subject() + "' version "
        + (reference.version() == -1 ? "latest" : String.valueOf(reference.version()))
        + ", which does not exist");
  }
}
