package dev.groundstream.schemas.registry.server;

/**
 * A record of the registry topic, decoded. Keys are chosen so that compaction keeps what matters:
 * a schema key names subject, version, id and the writer's claim (a random id), so a losing
 * concurrent claim never shares a key with, and so never compacts away, the winner.
 */
sealed interface StoreRecord
    permits StoreRecord.SchemaRecord, StoreRecord.ConfigRecord, StoreRecord.ReservedIdRecord {

  /** Identity of one claim on subject+version with a schema id. */
  record SchemaKey(String subject, int version, int id, String claim) {}

  /**
   * A schema version: {@code schema} null is a tombstone (permanent delete); {@code deleted} true
   * is a soft delete of the same key.
   */
  record SchemaRecord(SchemaKey key, String schema, boolean deleted) implements StoreRecord {
    boolean isTombstone() {
      return schema == null;
    }
  }

  /** A compatibility level for a subject, or the global one when subject is null; null level = removed. */
  record ConfigRecord(String subject, CompatibilityLevel level) implements StoreRecord {}

  /** Remembers that an id was used, so a permanent delete never lets it be handed out again. */
  record ReservedIdRecord(int id) implements StoreRecord {}
}
