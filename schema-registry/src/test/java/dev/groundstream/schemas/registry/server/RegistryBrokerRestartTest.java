package dev.groundstream.schemas.registry.server;

import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.body;
import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.error;
import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.ok;
import static dev.groundstream.schemas.registry.server.RegistryFeaturesTest.ref;
import static dev.groundstream.schemas.registry.server.RegistryHttp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.testing.MultiBrokerCluster;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Modes, references, metadata and rule sets survive broker restarts: the leader of the registry
 * topic is restarted under a serving registry, then every broker is stopped and started again and
 * a new registry instance reads the state back. On the 3-broker cluster (multi-broker profile).
 */
@Tag("multi-broker")
class RegistryBrokerRestartTest {

  @Test
  void brokerRestartsKeepModesReferencesMetadataAndRuleSets() throws Exception {
    try (MultiBrokerCluster kafka = MultiBrokerCluster.start(3)) {
      SchemaRegistryServerConfig config =
          SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers());
      int personId;
      try (SchemaRegistryServer server = SchemaRegistryServer.start(config)) {
        RegistryHttp http = new RegistryHttp(server.url());
        ok(http.post("/subjects/b-address-value/versions", body(RegistryFeaturesTest.ADDRESS)));
        personId = ok(http.post("/subjects/b-person-value/versions",
            body(RegistryFeaturesTest.PERSON,
                "references", ref("test.Address", "b-address-value", 1),
                "metadata", RegistryFeaturesTest.METADATA,
                "ruleSet", RegistryFeaturesTest.RULE_SET))).get("id").asInt();
        ok(http.put("/mode/b-person-value", "{\"mode\":\"READONLY\"}"));

        int leader = kafka.leaderOf(config.topic(), 0);
        kafka.stopBroker(leader);
        ok(http.post("/subjects/b-during-value/versions", body(TestSchemas.record("During"))));
        kafka.startBroker(leader);
      }

      List<Integer> brokers = List.copyOf(kafka.brokerIds());
      brokers.forEach(kafka::stopBroker);
      brokers.forEach(kafka::startBroker);

      try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
        RegistryHttp http = new RegistryHttp(restarted.url());
        assertEquals("READONLY", ok(http.get("/mode/b-person-value")).get("mode").asText());
        error(42205, http.post("/subjects/b-person-value/versions",
            body(TestSchemas.record("Late"))));
        JsonNode person = ok(http.get("/schemas/ids/" + personId));
        assertEquals("b-address-value", person.get("references").get(0).get("subject").asText());
        assertEquals(JSON.readTree(RegistryFeaturesTest.METADATA), person.get("metadata"));
        assertEquals(JSON.readTree(RegistryFeaturesTest.RULE_SET), person.get("ruleSet"));
        error(42206, http.delete("/subjects/b-address-value/versions/1"));
        assertEquals(1, ok(http.get("/subjects/b-during-value/versions")).size(),
            "the registration made while the leader was down is kept");
      }
    }
  }
}
