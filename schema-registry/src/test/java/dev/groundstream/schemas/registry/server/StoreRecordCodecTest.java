package dev.groundstream.schemas.registry.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.schemas.registry.server.StoreRecord.ConfigRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.ModeRecord;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The topic format of references, metadata, rule sets, config options and modes. */
class StoreRecordCodecTest {
  private final StoreRecordCodec codec = new StoreRecordCodec();

  private StoreRecord roundTrip(StoreRecord record) {
    return codec.decode(codec.encodeKey(record), codec.encodeValue(record)).orElseThrow();
  }

  @Test
  void schemaExtrasRoundTrip() throws Exception {
    SchemaExtras extras = new SchemaExtras(
        List.of(new SchemaExtras.Reference("test.Address", "address-value", 2)),
        RegistryHttp.JSON.readTree(RegistryFeaturesTest.METADATA),
        RegistryHttp.JSON.readTree(RegistryFeaturesTest.RULE_SET));
    SchemaRecord record = new SchemaRecord(new SchemaKey("s", 1, 3, "c"), "\"long\"", false,
        extras);
    assertEquals(record, roundTrip(record));
  }

  @Test
  void valuesWrittenBeforeExtrasExistedStillDecode() {
    byte[] key = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"id\":1,\"claim\":\"c\"}"
        .getBytes(UTF_8);
    byte[] value = "{\"schema\":\"\\\"long\\\"\",\"deleted\":false}".getBytes(UTF_8);
    SchemaRecord decoded = (SchemaRecord) codec.decode(key, value).orElseThrow();
    assertEquals(SchemaExtras.NONE, decoded.extras());
    byte[] config = "{\"keytype\":\"CONFIG\"}".getBytes(UTF_8);
    assertEquals(new ConfigRecord(null, CompatibilityLevel.FULL, null), codec.decode(config,
        "{\"compatibilityLevel\":\"FULL\"}".getBytes(UTF_8)).orElseThrow());
  }

  @Test
  void configOptionsAndModesRoundTrip() {
    ObjectNode options = RegistryHttp.JSON.createObjectNode().put("normalize", true)
        .put("compatibilityGroup", "app.major");
    assertEquals(new ConfigRecord("s", null, options),
        roundTrip(new ConfigRecord("s", null, options)));
    assertEquals(new ModeRecord(null, Mode.IMPORT), roundTrip(new ModeRecord(null, Mode.IMPORT)));
    assertNull(codec.encodeValue(new ModeRecord("s", null)), "removing a mode is a tombstone");
    assertNull(codec.encodeValue(new ConfigRecord("s", null, null)));
  }

  @Test
  void aStoredRuleSetThatIsNotAnObjectIsRefused() {
    byte[] key = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"id\":1,\"claim\":\"c\"}"
        .getBytes(UTF_8);
    byte[] value = "{\"schema\":\"\\\"long\\\"\",\"ruleSet\":[1]}".getBytes(UTF_8);
    assertThrows(IllegalArgumentException.class, () -> codec.decode(key, value));
  }
}
