package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.RestService;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Metadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Rule;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.RuleKind;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.RuleMode;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.RuleSet;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.SchemaReference;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 through Confluent's own Java client 7.5.3: modes, references, metadata and rule sets,
 * deletedOnly, the listing calls.
 */
class ConfluentClientFeaturesTest {
  @RegisterExtension
  static final BrokerAndRegistry STACK = new BrokerAndRegistry();

  private static CachedSchemaRegistryClient client() {
    return new CachedSchemaRegistryClient(STACK.server().url(), 100);
  }

  @Test
  void setsAndEnforcesModes() throws Exception {
    CachedSchemaRegistryClient client = client();
    client.register("java-mode-value", new AvroSchema(TestSchemas.USER));
    assertEquals("READWRITE", client.getMode());
    assertEquals("READONLY", client.setMode("READONLY", "java-mode-value"));
    assertEquals("READONLY", client().getMode("java-mode-value"));
    RestClientException refused = assertThrows(RestClientException.class,
        () -> client().register("java-mode-value", new AvroSchema(TestSchemas.USER_WITH_EMAIL)));
    assertEquals(42205, refused.getErrorCode());
    client.deleteMode("java-mode-value");
    assertTrue(client().register("java-mode-value", new AvroSchema(TestSchemas.USER_WITH_EMAIL))
        > 0);

    assertEquals("IMPORT", client.setMode("IMPORT", "java-import-value"));
    AvroSchema imported = new AvroSchema(TestSchemas.record("JavaImported"));
    assertEquals(9100, client.register("java-import-value", imported, 4, 9100));
    SchemaMetadata metadata = client().getSchemaMetadata("java-import-value", 4);
    assertEquals(9100, metadata.getId());
    client.deleteMode("java-import-value");
  }

  @Test
  void registersAndResolvesReferences() throws Exception {
    CachedSchemaRegistryClient client = client();
    client.register("java-address-value", new AvroSchema(RegistryFeaturesTest.ADDRESS));
    AvroSchema person = new AvroSchema(RegistryFeaturesTest.PERSON,
        List.of(new SchemaReference("test.Address", "java-address-value", 1)),
        Map.of("test.Address", RegistryFeaturesTest.ADDRESS), null);
    int id = client.register("java-person-value", person);

    ParsedSchema fetched = client().getSchemaById(id);
    assertEquals(List.of(new SchemaReference("test.Address", "java-address-value", 1)),
        fetched.references());
    assertEquals("test.Address", ((AvroSchema) fetched).rawSchema().getField("home").schema()
        .getFullName());
    assertEquals(id, client().getId("java-person-value", person));

    RestService rest = new RestService(STACK.server().url());
    assertEquals(List.of(id), rest.getReferencedBy("java-address-value", 1));
    RestClientException refused = assertThrows(RestClientException.class,
        () -> client().deleteSchemaVersion("java-address-value", "1"));
    assertEquals(42206, refused.getErrorCode());
  }

  @Test
  void keepsMetadataAndRuleSets() throws Exception {
    CachedSchemaRegistryClient client = client();
    Metadata metadata = new Metadata(Map.of("name", Set.of("PII")),
        Map.of("owner", "team-java", "app.major", "1"), Set.of("name"));
    Rule rule = new Rule("shortName", "names stay short", RuleKind.CONDITION, RuleMode.WRITE,
        "CEL", Set.of("PII"), Map.of("k", "v"), "size(message.name) < 10", null, "DLQ", false);
    RuleSet ruleSet = new RuleSet(List.of(), List.of(rule));
    AvroSchema contract = new AvroSchema(TestSchemas.USER).copy(metadata, ruleSet);
    client.register("java-contract-value", contract);

    SchemaMetadata latest = client().getLatestSchemaMetadata("java-contract-value");
    assertEquals(metadata, latest.getMetadata());
    assertEquals(ruleSet, latest.getRuleSet());
    SchemaMetadata byMetadata = client().getLatestWithMetadata("java-contract-value",
        Map.of("owner", "team-java"), false);
    assertEquals(latest.getId(), byMetadata.getId());
    assertEquals(ruleSet, ((AvroSchema) client().getSchemaById(latest.getId())).ruleSet());
  }

  @Test
  void listsDeletedOnlySchemasAndContexts() throws Exception {
    CachedSchemaRegistryClient client = client();
    client.register("java-list-value", new AvroSchema(TestSchemas.record("JavaListA")));
    client.register("java-list-value", new AvroSchema(TestSchemas.record("JavaListA")
        .replace("long", "long\",\"doc\":\"second")));
    client.deleteSchemaVersion("java-list-value", "1");

    RestService rest = new RestService(STACK.server().url());
    assertEquals(List.of(1), rest.getDeletedOnlyVersions("java-list-value"));
    assertEquals(List.of(2), client().getAllVersions("java-list-value"));
    assertEquals(1, rest.getSchemas("java-list-", false, false).size());
    assertEquals(2, rest.getSchemas("java-list-", true, false).size());
    assertEquals(List.of("."), rest.getAllContexts());
  }
}
