package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.schemas.registry.server.StoreRecord.ConfigRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ReservedIdRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The race rules of the registry state, record by record: what every instance concludes from the
 * same topic, including a topic that compaction has reordered.
 */
class RegistryStateTest {
  private static final String X = AvroSchemas.canonical(TestSchemas.record("X"));
  private static final String Y = AvroSchemas.canonical(TestSchemas.record("Y"));

  private static SchemaRecord claim(String subject, int version, int id, String claim,
      String schema) {
    return new SchemaRecord(new SchemaKey(subject, version, id, claim), schema, false);
  }

  private static SchemaRecord softDelete(SchemaRecord claimed) {
    return new SchemaRecord(claimed.key(), claimed.schema(), true);
  }

  private static SchemaRecord tombstone(SchemaRecord claimed) {
    return new SchemaRecord(claimed.key(), null, false);
  }

  @Test
  void firstClaimOfSubjectVersionWins() {
    RegistryState state = new RegistryState();
    SchemaRecord winner = claim("s", 1, 1, "a", X);
    SchemaRecord loser = claim("s", 1, 2, "b", Y);
    assertTrue(state.apply(winner));
    assertFalse(state.apply(loser));

    assertEquals(1, state.version("s", 1).orElseThrow().id());
    assertEquals(Optional.empty(), state.schemaById(2), "the loser's id stays free");
    assertEquals(1, state.maxId());
    assertEquals(List.of(loser.key()), state.unresolvedLosers());

    assertFalse(state.apply(tombstone(loser)), "withdrawing the loser changes nothing");
    assertEquals(List.of(), state.unresolvedLosers());
    assertTrue(state.holds(winner.key()));
  }

  @Test
  void anIdBelongsToOneSchemaAndASchemaToOneId() {
    RegistryState state = new RegistryState();
    assertTrue(state.apply(claim("s", 1, 1, "a", X)));
    assertFalse(state.apply(claim("t", 1, 1, "b", Y)), "id 1 is X's");
    assertFalse(state.apply(claim("t", 1, 2, "c", X)), "X already has id 1");
    assertTrue(state.apply(claim("t", 1, 1, "d", X)), "X may appear under another subject");
    assertEquals(2, state.versionsWithId(1, false).size());
  }

  @Test
  void aLiveSchemaAppearsOncePerSubject() {
    RegistryState state = new RegistryState();
    SchemaRecord first = claim("s", 1, 1, "a", X);
    assertTrue(state.apply(first));
    assertFalse(state.apply(claim("s", 2, 1, "b", X)));
    state.apply(softDelete(first));
    assertTrue(state.apply(claim("s", 2, 1, "c", X)), "after a soft delete it may come back");
    assertEquals(List.of(2), state.versions("s", false).stream().map(SubjectVersion::version)
        .toList());
  }

  @Test
  void softDeleteAndTombstoneApplyOnlyToTheWinner() {
    RegistryState state = new RegistryState();
    SchemaRecord winner = claim("s", 1, 1, "a", X);
    state.apply(winner);
    assertFalse(state.apply(tombstone(claim("s", 1, 1, "other", X))));
    assertTrue(state.version("s", 1).isPresent());

    assertTrue(state.apply(softDelete(winner)));
    assertTrue(state.version("s", 1).orElseThrow().deleted());
    assertTrue(state.apply(tombstone(winner)));
    assertEquals(List.of(), state.versions("s", true));
    assertEquals(Optional.empty(), state.schemaById(1));
    assertEquals(Optional.empty(), state.idOf(new StoredSchema(X, SchemaExtras.NONE)));
  }

  @Test
  void compactionThatMovesTheWinnerBehindALoserKeepsTheWinner() {
    // Topic: winner, loser (never withdrawn), winner soft-deleted. Compaction drops the first.
    SchemaRecord winner = claim("s", 1, 1, "a", X);
    SchemaRecord loser = claim("s", 1, 2, "b", Y);
    RegistryState live = new RegistryState();
    List.of(winner, loser, softDelete(winner)).forEach(live::apply);

    RegistryState replayed = new RegistryState();
    List.of(loser, softDelete(winner)).forEach(replayed::apply);

    for (RegistryState state : List.of(live, replayed)) {
      SubjectVersion version = state.version("s", 1).orElseThrow();
      assertEquals("a", version.claim());
      assertTrue(version.deleted());
      assertEquals(Optional.of(X), state.schemaById(1).map(StoredSchema::schema));
      assertEquals(Optional.empty(), state.schemaById(2));
    }
  }

  @Test
  void reservedIdsOutliveTheirSchemas() {
    SchemaRecord claimed = claim("s", 1, 5, "a", X);
    RegistryState live = new RegistryState();
    List.of(claimed, softDelete(claimed), new ReservedIdRecord(5), tombstone(claimed))
        .forEach(live::apply);
    RegistryState compacted = new RegistryState();
    compacted.apply(new ReservedIdRecord(5));

    for (RegistryState state : List.of(live, compacted)) {
      assertEquals(5, state.maxId());
      assertEquals(Optional.empty(), state.schemaById(5));
    }
  }

  @Test
  void subjectLevelOverridesGlobalLevel() {
    RegistryState state = new RegistryState();
    assertEquals(CompatibilityLevel.BACKWARD, state.effectiveLevel("s"));
    state.apply(new ConfigRecord(null, CompatibilityLevel.FORWARD));
    state.apply(new ConfigRecord("s", CompatibilityLevel.NONE));
    assertEquals(CompatibilityLevel.NONE, state.effectiveLevel("s"));
    assertEquals(CompatibilityLevel.FORWARD, state.effectiveLevel("t"));
    state.apply(new ConfigRecord("s", null));
    assertEquals(CompatibilityLevel.FORWARD, state.effectiveLevel("s"));
  }

  @Test
  void codecRoundTripsEveryRecordKind() {
    StoreRecordCodec codec = new StoreRecordCodec();
    List<StoreRecord> records = List.of(claim("s", 3, 7, "c", X), softDelete(claim("s", 3, 7,
        "c", X)), tombstone(claim("s", 3, 7, "c", X)), new ConfigRecord(null,
        CompatibilityLevel.FULL), new ConfigRecord("s", null), new ReservedIdRecord(9));
    for (StoreRecord record : records) {
      assertEquals(Optional.of(record),
          codec.decode(codec.encodeKey(record), codec.encodeValue(record)));
    }
    assertEquals(Optional.empty(),
        codec.decode("{\"keytype\":\"NOOP\"}".getBytes(), null), "unknown kinds are skipped");
  }
}
