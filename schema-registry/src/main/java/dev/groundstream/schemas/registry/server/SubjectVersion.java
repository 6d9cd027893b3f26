package dev.groundstream.schemas.registry.server;

/**
 * One version of a subject as the registry state holds it. {@code claim} identifies the topic
 * record that won this subject+version; {@code schema} is the canonical schema text.
 */
record SubjectVersion(
    String subject, int version, int id, String schema, String claim, boolean deleted) {

  StoreRecord.SchemaKey key() {
    return new StoreRecord.SchemaKey(subject, version, id, claim);
  }
}
