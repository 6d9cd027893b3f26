package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MetadataMergeTest {
  private static JsonNode json(String text) throws Exception {
    return RegistryHttp.JSON.readTree(text);
  }

  @Test
  void laterPropertiesWinAndSensitiveNamesUnite() throws Exception {
    JsonNode merged = MetadataMerge.metadata(
        json("{\"properties\":{\"a\":\"1\",\"b\":\"1\"},\"sensitive\":[\"x\"]}"),
        json("{\"properties\":{\"b\":\"2\"},\"sensitive\":[\"y\",\"x\"]}"));
    assertEquals(json("{\"properties\":{\"a\":\"1\",\"b\":\"2\"},\"sensitive\":[\"x\",\"y\"]}"),
        merged);
    assertNull(MetadataMerge.metadata(null, null));
    assertEquals(json("{\"properties\":{\"a\":\"1\"}}"),
        MetadataMerge.metadata(null, json("{\"properties\":{\"a\":\"1\"}}")));
  }

  @Test
  void rulesAreReplacedByName() throws Exception {
    JsonNode merged = MetadataMerge.ruleSet(
        json("{\"domainRules\":[{\"name\":\"r1\",\"expr\":\"old\"},{\"name\":\"r2\"}]}"),
        json("{\"domainRules\":[{\"name\":\"r1\",\"expr\":\"new\"}],\"migrationRules\":[]}"));
    assertEquals(json("{\"domainRules\":[{\"name\":\"r2\"},{\"name\":\"r1\",\"expr\":\"new\"}],"
        + "\"migrationRules\":[]}"), merged);
  }
}
