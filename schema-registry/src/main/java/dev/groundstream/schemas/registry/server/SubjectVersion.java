package dev.groundstream.schemas.registry.server;

/**
 * One version of a subject as the registry state holds it. {@code claim} identifies the topic
 * record that won this subject+version; {@code schema} is the canonical schema text;
 * {@code extras} its references, metadata and rule set.
 */
record SubjectVersion(String subject, int version, int id, String schema, String claim,
    boolean deleted, SchemaExtras extras) {

  SubjectVersion(String subject, int version, int id, String schema, String claim,
      boolean deleted) {
    this(subject, version, id, schema, claim, deleted, SchemaExtras.NONE);
  }

  StoreRecord.SchemaKey key() {
    return new StoreRecord.SchemaKey(subject, version, id, claim);
  }

  /** What an id stands for: the same for every subject version sharing this id. */
  StoredSchema stored() {
    return new StoredSchema(schema, extras);
  }
}
