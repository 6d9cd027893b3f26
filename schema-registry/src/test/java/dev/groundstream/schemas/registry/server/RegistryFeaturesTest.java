package dev.groundstream.schemas.registry.server;

import static dev.groundstream.schemas.registry.server.RegistryHttp.JSON;
import static dev.groundstream.schemas.registry.server.RegistryHttp.V1_JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.schemas.registry.server.RegistryHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 over plain HTTP against a real broker: modes, references, metadata and rule sets, and
 * the listing routes, with Confluent's error codes.
 */
class RegistryFeaturesTest {
  static final String ADDRESS = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"test\","
      + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  static final String ADDRESS_WITH_ZIP = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":"
      + "\"test\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"},{\"name\":\"zip\","
      + "\"type\":[\"null\",\"string\"],\"default\":null}]}";
  static final String ADDRESS_WITH_REQUIRED_CITY = "{\"type\":\"record\",\"name\":\"Address\","
      + "\"namespace\":\"test\",\"fields\":[{\"name\":\"street\",\"type\":\"string\"},"
      + "{\"name\":\"city\",\"type\":\"string\"}]}";
  static final String PERSON = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"test\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"home\","
      + "\"type\":\"test.Address\"}]}";
  static final String METADATA = "{\"tags\":{\"name\":[\"PII\"]},"
      + "\"properties\":{\"owner\":\"team-a\",\"app.major\":\"1\"},\"sensitive\":[\"name\"]}";
  static final String RULE_SET = "{\"domainRules\":[{\"name\":\"shortName\",\"kind\":\"CONDITION\","
      + "\"type\":\"CEL\",\"mode\":\"WRITE\",\"expr\":\"size(message.name) < 10\","
      + "\"params\":{\"x\":\"y\"},\"onFailure\":\"DLQ\",\"disabled\":false}]}";

  @RegisterExtension
  static final BrokerAndRegistry STACK = new BrokerAndRegistry();
  private static RegistryHttp http;

  @BeforeAll
  static void start() throws Exception {
    http = new RegistryHttp(STACK.server().url());
  }

  static JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals(V1_JSON, reply.contentType());
    return reply.json();
  }

  static String error(int errorCode, Reply reply) {
    assertEquals(errorCode, reply.errorCode(), reply.body());
    assertEquals(Integer.parseInt(Integer.toString(errorCode).substring(0, 3)), reply.status());
    assertTrue(reply.json().path("message").isTextual(), reply.body());
    return reply.json().get("message").asText();
  }

  /** A register body with the given extra JSON fields (already JSON text). */
  static String body(String schema, String... fieldsAndJson) {
    ObjectNode node = JSON.createObjectNode().put("schema", schema);
    for (int i = 0; i < fieldsAndJson.length; i += 2) {
      try {
        node.set(fieldsAndJson[i], JSON.readTree(fieldsAndJson[i + 1]));
      } catch (Exception e) {
        throw new IllegalArgumentException(e);
      }
    }
    return node.toString();
  }

  static String ref(String name, String subject, int version) {
    return "[{\"name\":\"" + name + "\",\"subject\":\"" + subject + "\",\"version\":" + version
        + "}]";
  }

  static Reply register(String subject, String body) {
    return http.post("/subjects/" + subject + "/versions", body);
  }

  static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  @Test
  void readOnlyModeRefusesWritesWith42205() {
    ok(register("ro-value", body(TestSchemas.USER)));
    error(40409, http.get("/mode/ro-value"));
    assertEquals("READWRITE", ok(http.get("/mode/ro-value?defaultToGlobal=true")).get("mode")
        .asText());
    assertEquals("READONLY", ok(http.put("/mode/ro-value", "{\"mode\":\"READONLY\"}"))
        .get("mode").asText());
    assertEquals("READONLY", ok(http.get("/mode/ro-value")).get("mode").asText());

    String refused = error(42205, register("ro-value", body(TestSchemas.USER_WITH_EMAIL)));
    assertEquals("Subject ro-value is in read-only mode", refused);
    error(42205, http.delete("/subjects/ro-value/versions/1"));
    error(42205, http.delete("/subjects/ro-value"));
    assertEquals(List.of("1"), texts(ok(http.get("/subjects/ro-value/versions"))));
    ok(http.post("/subjects/ro-value", body(TestSchemas.USER)));  // reads still work

    error(42204, http.put("/mode/ro-value", "{\"mode\":\"SOMETIMES\"}"));
    assertEquals("READONLY", ok(http.delete("/mode/ro-value")).get("mode").asText());
    ok(register("ro-value", body(TestSchemas.USER_WITH_EMAIL)));
  }

  @Test
  void importModeKeepsGivenIdsOnlyIntoEmptySubjectsOrWithForce() {
    ok(register("occupied-value", body(TestSchemas.record("Occupied"))));
    assertEquals("Cannot import since found existing subjects",
        error(42205, http.put("/mode/occupied-value", "{\"mode\":\"IMPORT\"}")));
    ok(http.put("/mode/occupied-value?force=true", "{\"mode\":\"IMPORT\"}"));
    ok(http.delete("/mode/occupied-value"));

    ok(http.put("/mode/import-value", "{\"mode\":\"IMPORT\"}"));
    String imported = TestSchemas.record("Imported");
    assertEquals(7000, ok(register("import-value", body(imported, "id", "7000", "version", "3")))
        .get("id").asInt());
    JsonNode version = ok(http.get("/subjects/import-value/versions/3"));
    assertEquals(7000, version.get("id").asInt());
    assertEquals(7000, ok(register("import-value", body(imported, "id", "7000", "version", "3")))
        .get("id").asInt(), "importing the same schema again is idempotent");
    assertEquals("Subject import-value is not in read-write mode",
        error(42205, register("import-value", body(TestSchemas.record("NoId")))));
    assertEquals("Overwrite new schema with id 7000 is not permitted.", error(42205,
        register("import-value", body(TestSchemas.record("Other"), "id", "7000"))));
    String twice = error(42205, register("import-value", body(imported, "id", "7002")));
    assertTrue(twice.contains("7000") && twice.contains("7002"), twice);
    assertEquals(List.of("3"), texts(ok(http.get("/subjects/import-value/versions"))),
        "nothing stored by a refused import");

    ok(http.delete("/mode/import-value"));
    assertEquals("Subject import-value is not in import mode",
        error(42205, register("import-value", body(TestSchemas.record("Late"), "id", "7001"))));
    int next = ok(register("after-import-value", body(TestSchemas.record("AfterImport"))))
        .get("id").asInt();
    assertTrue(next > 7000, "new ids never collide with imported ones: " + next);
  }

  @Test
  void referencesResolveAndProtectWhatTheyReference() {
    int addressId = ok(register("ref-address-value", body(ADDRESS))).get("id").asInt();
    int personId = ok(register("ref-person-value",
        body(PERSON, "references", ref("test.Address", "ref-address-value", 1)))).get("id").asInt();

    JsonNode byId = ok(http.get("/schemas/ids/" + personId));
    assertEquals("ref-address-value", byId.get("references").get(0).get("subject").asText());
    assertTrue(!byId.get("schema").asText().contains("street"),
        "the stored schema names the referenced type instead of inlining it: " + byId);
    assertEquals(List.of(personId), ints(ok(
        http.get("/subjects/ref-address-value/versions/1/referencedby"))));
    assertEquals(List.of(), ints(ok(http.get("/subjects/ref-person-value/versions/1/referencedby"))));
    ok(http.post("/subjects/ref-person-value",
        body(PERSON, "references", ref("test.Address", "ref-address-value", 1))));

    String refused = error(42206, http.delete("/subjects/ref-address-value/versions/1"));
    assertTrue(refused.contains("ref-address-value"), refused);
    error(42206, http.delete("/subjects/ref-address-value"));
    assertEquals(addressId, ok(http.get("/subjects/ref-address-value/versions/1")).get("id")
        .asInt());

    String missing = error(42201, register("ref-broken-value",
        body(PERSON, "references", ref("test.Address", "no-such-subject", 1))));
    assertTrue(missing.contains("no-such-subject"), missing);
    error(42201, register("ref-broken-value",
        body(PERSON, "references", ref("test.Address", "ref-address-value", 9))));
    error(40401, http.get("/subjects/ref-broken-value/versions"));
  }

  @Test
  void compatibilityIsCheckedOnTheResolvedSchema() {
    ok(register("compat-address-value", body(ADDRESS)));
    ok(register("compat-person-value",
        body(PERSON, "references", ref("test.Address", "compat-address-value", 1))));
    ok(register("compat-address-value", body(ADDRESS_WITH_ZIP)));
    ok(register("compat-person-value",
        body(PERSON, "references", ref("test.Address", "compat-address-value", 2))));

    ok(http.put("/config/compat-address-value", "{\"compatibility\":\"NONE\"}"));
    ok(register("compat-address-value", body(ADDRESS_WITH_REQUIRED_CITY)));
    String incompatible = error(409, register("compat-person-value",
        body(PERSON, "references", ref("test.Address", "compat-address-value", 3))));
    assertTrue(incompatible.contains("city"), incompatible);
    assertEquals(false, ok(http.post("/compatibility/subjects/compat-person-value/versions/latest",
        body(PERSON, "references", ref("test.Address", "compat-address-value", 3))))
        .get("is_compatible").asBoolean());
  }

  @Test
  void metadataAndRuleSetAreStoredAndReturnedExactly() throws Exception {
    int id = ok(register("contract-value",
        body(TestSchemas.USER, "metadata", METADATA, "ruleSet", RULE_SET))).get("id").asInt();
    JsonNode latest = ok(http.get("/subjects/contract-value/versions/latest"));
    assertEquals(JSON.readTree(METADATA), latest.get("metadata"));
    assertEquals(JSON.readTree(RULE_SET), latest.get("ruleSet"));
    assertEquals(JSON.readTree(RULE_SET), ok(http.get("/schemas/ids/" + id)).get("ruleSet"));

    JsonNode found = ok(http.get("/subjects/contract-value/metadata?key=owner&value=team-a"));
    assertEquals(1, found.get("version").asInt());
    error(40403, http.get("/subjects/contract-value/metadata?key=owner&value=team-b"));
    error(40401, http.get("/subjects/no-contract-value/metadata?key=owner&value=team-a"));

    // As in Confluent, a version registered without metadata inherits the previous version's.
    ok(register("contract-value", body(TestSchemas.USER_WITH_EMAIL)));
    JsonNode second = ok(http.get("/subjects/contract-value/versions/2"));
    assertEquals(JSON.readTree(METADATA), second.get("metadata"));
    String newer = "{\"properties\":{\"owner\":\"team-a\",\"app.major\":\"2\"}}";
    String doc = TestSchemas.USER_WITH_EMAIL.replace("\"name\":\"User\",",
        "\"name\":\"User\",\"doc\":\"v3\",");
    ok(register("contract-value", body(doc, "metadata", newer)));
    assertEquals(3, ok(http.get("/subjects/contract-value/metadata?key=owner&value=team-a"))
        .get("version").asInt());
    assertEquals(2, ok(http.get(
        "/subjects/contract-value/metadata?key=owner&value=team-a&key=app.major&value=1"))
        .get("version").asInt());

    String refused = error(42201, register("contract-value",
        body(TestSchemas.record("Ruled"), "ruleSet", "\"not an object\"")));
    assertTrue(refused.contains("ruleSet"), refused);
    error(42201, register("contract-value", body(TestSchemas.record("Ruled"), "metadata", "[]")));
    assertEquals(List.of("1", "2", "3"), texts(ok(http.get("/subjects/contract-value/versions"))),
        "nothing stored by a refused registration");
  }

  @Test
  void configFieldsBesidesTheLevelAreStored() throws Exception {
    ok(register("normalize-value", body(TestSchemas.USER)));
    JsonNode put = ok(http.put("/config/normalize-value", "{\"normalize\":true}"));
    assertEquals(true, put.get("normalize").asBoolean());
    JsonNode config = ok(http.get("/config/normalize-value"));
    assertEquals(true, config.get("normalize").asBoolean());
    assertEquals("BACKWARD", config.get("compatibilityLevel").asText());
    ok(http.put("/config/normalize-value", "{\"compatibility\":\"FULL\"}"));
    config = ok(http.get("/config/normalize-value"));
    assertEquals("FULL", config.get("compatibilityLevel").asText());
    assertEquals(true, config.get("normalize").asBoolean(), "an update keeps unnamed fields");
    error(42203, http.put("/config/normalize-value", "{\"normalize\":\"yes\"}"));

    String override = "{\"properties\":{\"domain\":\"grounding\"}}";
    ok(http.put("/config/override-value", "{\"overrideMetadata\":" + override + "}"));
    ok(register("override-value", body(TestSchemas.USER)));
    assertEquals("grounding", ok(http.get("/subjects/override-value/versions/1"))
        .get("metadata").get("properties").get("domain").asText());
    ok(http.delete("/config/override-value"));
    error(40408, http.get("/config/override-value"));
  }

  @Test
  void compatibilityGroupChecksOnlyWithinTheGroup() {
    ok(http.put("/config/group-value", "{\"compatibilityGroup\":\"app.major\"}"));
    ok(register("group-value", body(TestSchemas.USER, "metadata",
        "{\"properties\":{\"app.major\":\"1\"}}")));
    error(409, register("group-value", body(TestSchemas.USER_WITH_REQUIRED_AGE, "metadata",
        "{\"properties\":{\"app.major\":\"1\"}}")));
    ok(register("group-value", body(TestSchemas.USER_WITH_REQUIRED_AGE, "metadata",
        "{\"properties\":{\"app.major\":\"2\"}}")));
  }

  @Test
  void listingRoutes() {
    ok(register("list-a-value", body(TestSchemas.record("ListA"))));
    ok(register("list-a-value", body(TestSchemas.record("ListA").replace("long", "long\","
        + "\"doc\":\"x"))));
    ok(register("list-b-value", body(TestSchemas.record("ListB"))));
    ok(http.delete("/subjects/list-b-value"));

    assertEquals(List.of("list-b-value"),
        texts(ok(http.get("/subjects?deletedOnly=true&subjectPrefix=list-"))));
    assertEquals(List.of("list-a-value"), texts(ok(http.get("/subjects?subjectPrefix=list-"))));
    assertEquals(List.of("1"), texts(ok(http.get("/subjects/list-b-value/versions?deletedOnly=true"))));

    JsonNode schemas = ok(http.get("/schemas?subjectPrefix=list-"));
    assertEquals(2, schemas.size(), schemas.toString());
    assertEquals(3, ok(http.get("/schemas?subjectPrefix=list-&deleted=true")).size());
    assertEquals(1, ok(http.get("/schemas?subjectPrefix=list-&latestOnly=true")).size());
    JsonNode paged = ok(http.get("/schemas?subjectPrefix=list-&offset=1&limit=1"));
    assertEquals(1, paged.size());
    assertEquals(2, paged.get(0).get("version").asInt());

    assertEquals(List.of("."), texts(ok(http.get("/contexts"))));
    error(40403, http.get("/schemas/guids/0b2a1f4e-1111-2222-3333-444455556666"));
    Reply unknown = http.get("/subjects/list-a-value/versions/1/tags");
    assertEquals(404, unknown.errorCode());
    assertEquals(V1_JSON, unknown.contentType());
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asInt()));
    return values;
  }
}
