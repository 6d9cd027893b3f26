package dev.groundstream.schemas.registry.server;

/** A schema as an id names it: canonical text plus references, metadata and rule set. */
record StoredSchema(String schema, SchemaExtras extras) {
  /** Equal identities share an id; different ones never do. */
  String identity() {
    return schema + extras.identitySuffix();
  }
}
