package dev.groundstream.schemas.registry.server;

import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.body;
import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.error;
import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.ok;
import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.ref;
import static dev.groundstream.schemas.registry.server.RegistryHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.testing.KafkaTestCluster;
import org.junit.jupiter.api.Test;

/** Modes, references, metadata, rule sets and config fields live in the topic: a new instance reads them back. */
class RegistryRestartTest {

  @Test
  void aRestartedRegistryKeepsModesReferencesMetadataAndRuleSets() throws Exception {
    try (KafkaTestCluster kafka = KafkaTestCluster.start()) {
      SchemaRegistryServerConfig config =
          SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers());
      int personId;
      try (SchemaRegistryServer first = SchemaRegistryServer.start(config)) {
        RegistryHttp http = new RegistryHttp(first.url());
        ok(http.post("/subjects/keep-address-value/versions",
            body(RegistryFeaturesTest.ADDRESS)));
        personId = ok(http.post("/subjects/keep-person-value/versions",
            body(RegistryFeaturesTest.PERSON,
                "references", ref("test.Address", "keep-address-value", 1),
                "metadata", RegistryFeaturesTest.METADATA,
                "ruleSet", RegistryFeaturesTest.RULE_SET))).get("id").asInt();
        ok(http.put("/mode/keep-person-value", "{\"mode\":\"READONLY\"}"));
        ok(http.put("/mode/keep-import-value", "{\"mode\":\"IMPORT\"}"));
        ok(http.put("/config/keep-person-value",
            "{\"normalize\":true,\"compatibilityGroup\":\"app.major\"}"));
      }

      try (SchemaRegistryServer second = SchemaRegistryServer.start(config)) {
        RegistryHttp http = new RegistryHttp(second.url());
        assertEquals("READONLY", ok(http.get("/mode/keep-person-value")).get("mode").asText());
        assertEquals("IMPORT", ok(http.get("/mode/keep-import-value")).get("mode").asText());
        error(42205, http.post("/subjects/keep-person-value/versions",
            body(TestSchemas.record("Late"))));

        JsonNode person = ok(http.get("/schemas/ids/" + personId));
        assertEquals("keep-address-value",
            person.get("references").get(0).get("subject").asText());
        assertEquals(JSON.readTree(RegistryFeaturesTest.METADATA), person.get("metadata"));
        assertEquals(JSON.readTree(RegistryFeaturesTest.RULE_SET), person.get("ruleSet"));
        assertEquals(personId, ok(http.get(
            "/subjects/keep-person-value/metadata?key=owner&value=team-a")).get("id").asInt());
        assertEquals("[" + personId + "]",
            ok(http.get("/subjects/keep-address-value/versions/1/referencedby")).toString());
        error(42206, http.delete("/subjects/keep-address-value/versions/1"));

        JsonNode settings = ok(http.get("/config/keep-person-value"));
        assertEquals(true, settings.get("normalize").asBoolean());
        assertEquals("app.major", settings.get("compatibilityGroup").asText());
      }
    }
  }
}
