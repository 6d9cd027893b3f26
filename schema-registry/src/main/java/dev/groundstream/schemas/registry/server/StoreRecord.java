package dev.groundstream.schemas.registry.server;

/**
 * A record of the registry topic, decoded. Keys are chosen so that compaction keeps what matters:
 * a schema key names subject, version, id and the writer's claim (a random id), so a losing
 * concurrent claim never shares a key with, and so never compacts away, the winner.
 */
sealed interface StoreRecord
    permits StoreRecord.SchemaRecord, StoreRecord.ConfigRecord, StoreRecord.ReservedIdRecord,
    StoreRecord.ModeRecord {

  /** Identity of one claim on subject+version with a schema id. */
  record SchemaKey(String subject, int version, int id, String claim) {}

  /**
   * A schema version: {@code schema} null is a tombstone (permanent delete); {@code deleted} true
   * is a soft delete of the same key. {@code extras}: references, metadata and rule set.
   */
  record SchemaRecord(SchemaKey key, String schema, boolean deleted, SchemaExtras extras)
      implements StoreRecord {
    SchemaRecord(SchemaKey key, String schema, boolean deleted) {
      this(key, schema, deleted, SchemaExtras.NONE);
    }

    boolean isTombstone() {
      return schema == null;
    }
  }

  /**
   * The configuration of a subject, or the global one when subject is null: a compatibility level
   * (null = none set) and the other Confluent config fields as JSON (null = none set); both null
   * removes the configuration.
   */
  record ConfigRecord(String subject, CompatibilityLevel level,
      com.fasterxml.jackson.databind.node.ObjectNode options) implements StoreRecord {
    ConfigRecord(String subject, CompatibilityLevel level) {
      this(subject, level, null);
    }
  }

  /** The mode of a subject, or the global one when subject is null; null mode = removed. */
  record ModeRecord(String subject, Mode mode) implements StoreRecord {}

  /** Remembers that an id was used, so a permanent delete never lets it be handed out again. */
  record ReservedIdRecord(int id) implements StoreRecord {}
}
