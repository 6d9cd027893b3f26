/**
 * A schema registry that speaks the Confluent Schema Registry REST protocol (Avro only) and keeps
 * all of its state in one compacted, single-partition Kafka topic ({@code _schemas} by default).
 * Entry points: {@link dev.groundstream.schemas.registry.server.SchemaRegistryServer} (embedded)
 * and {@link dev.groundstream.schemas.registry.server.SchemaRegistryMain} (standalone).
 *
 * <h2>Topic format</h2>
 * JSON keys and values:
 * <ul>
 *   <li>{@code {"keytype":"SCHEMA","subject":s,"version":v,"id":n,"claim":uuid}} →
 *       {@code {"schema":canonical,"deleted":bool[,"references":[..]][,"metadata":{..}]
 *       [,"ruleSet":{..}]}}; a soft delete rewrites the same key with {@code deleted=true}, a
 *       permanent delete is a tombstone of it.</li>
 *   <li>{@code {"keytype":"CONFIG"[,"subject":s]}} → {@code {["compatibilityLevel":L]
 *       [,"options":{normalize, compatibilityGroup, defaultMetadata, ...}]}}; a tombstone
 *       removes the config.</li>
 *   <li>{@code {"keytype":"MODE"[,"subject":s]}} → {@code {"mode":M}}; a tombstone removes the
 *       mode.</li>
 *   <li>{@code {"keytype":"ID_RESERVED","id":n}} → {@code {"id":n}}: written before the last
 *       use of an id is permanently deleted, so that ids are never handed out twice.</li>
 * </ul>
 *
 * <h2>Several instances</h2>
 * Every instance reads the whole topic and applies it with the same rules
 * ({@link dev.groundstream.schemas.registry.server.RegistryState}): in topic order the first claim
 * of a subject+version, of an id for a schema, or of a schema for an id wins, and contradicting
 * later claims are ignored. A writer catches up to the end of the topic, writes its claim, waits
 * until it has applied it, and checks whether it won; a loser tombstones its own claim (its key
 * is unique, so this never touches a winner) and tries again with fresh state.
 */
package dev.groundstream.schemas.registry.server;
