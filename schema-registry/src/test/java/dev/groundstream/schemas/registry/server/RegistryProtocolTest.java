package dev.groundstream.schemas.registry.server;

import static dev.groundstream.schemas.registry.server.RegistryHttp.V1_JSON;
import static dev.groundstream.schemas.registry.server.RegistryHttp.encode;
import static dev.groundstream.schemas.registry.server.RegistryHttp.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.schemas.registry.server.RegistryHttp.Reply;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Confluent REST protocol as a plain HTTP client sees it, against a real broker. */
class RegistryProtocolTest {
  @RegisterExtension
  static final BrokerAndRegistry STACK = new BrokerAndRegistry();
  private static RegistryHttp http;

  @BeforeAll
  static void start() throws Exception {
    http = new RegistryHttp(STACK.server().url());
  }

  /** 200 (never 201) with Confluent's content type. */
  private static JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    assertEquals(V1_JSON, reply.contentType());
    return reply.json();
  }

  private static void error(int errorCode, Reply reply) {
    assertEquals(errorCode, reply.errorCode(), reply.body());
    assertEquals(Integer.parseInt(Integer.toString(errorCode).substring(0, 3)), reply.status());
    assertEquals(V1_JSON, reply.contentType());
    assertTrue(reply.json().path("message").isTextual(), reply.body());
  }

  private static int register(String subject, String schema) {
    return ok(http.post("/subjects/" + encode(subject) + "/versions", schemaBody(schema)))
        .get("id").asInt();
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asInt()));
    return values;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  @Test
  void registerDeduplicatesLikeConfluent() {
    int id = register("dedup-value", TestSchemas.USER);
    assertEquals(id, register("dedup-value", TestSchemas.USER_REFORMATTED),
        "key order and whitespace do not make a new schema");
    assertEquals(List.of(1), ints(ok(http.get("/subjects/dedup-value/versions"))),
        "registering a registered schema adds no version");

    int withDoc = register("dedup-value", TestSchemas.USER_WITH_DOC);
    assertNotEquals(id, withDoc, "a different doc is a different schema");
    assertEquals(List.of(1, 2), ints(ok(http.get("/subjects/dedup-value/versions"))));

    assertEquals(id, register("dedup-other-value", TestSchemas.USER_REFORMATTED),
        "the same schema under another subject keeps its id");

    JsonNode byId = ok(http.get("/schemas/ids/" + id));
    assertEquals(new Schema.Parser().parse(TestSchemas.USER).toString(),
        byId.get("schema").asText());
    JsonNode usages = ok(http.get("/schemas/ids/" + id + "/versions"));
    assertEquals(2, usages.size());
    assertEquals("dedup-other-value", usages.get(0).get("subject").asText());
    assertEquals("dedup-value", usages.get(1).get("subject").asText());
    assertEquals(1, usages.get(1).get("version").asInt());
    assertEquals(List.of("dedup-other-value", "dedup-value"),
        texts(ok(http.get("/schemas/ids/" + id + "/subjects"))));
  }

  @Test
  void readsVersionsAndSchemas() {
    int first = register("reads-value", TestSchemas.USER);
    int second = register("reads-value", TestSchemas.USER_WITH_EMAIL);

    JsonNode v1 = ok(http.get("/subjects/reads-value/versions/1"));
    assertEquals("reads-value", v1.get("subject").asText());
    assertEquals(1, v1.get("version").asInt());
    assertEquals(first, v1.get("id").asInt());
    assertEquals(new Schema.Parser().parse(TestSchemas.USER).toString(),
        v1.get("schema").asText());

    assertEquals(second, ok(http.get("/subjects/reads-value/versions/latest")).get("id").asInt());
    assertEquals(2, ok(http.get("/subjects/reads-value/versions/-1")).get("version").asInt());

    Reply raw = http.get("/subjects/reads-value/versions/2/schema");
    assertEquals(200, raw.status());
    assertEquals(new Schema.Parser().parse(TestSchemas.USER_WITH_EMAIL).toString(), raw.body());

    JsonNode lookup = ok(http.post("/subjects/reads-value",
        schemaBody(TestSchemas.USER_REFORMATTED)));
    assertEquals("reads-value", lookup.get("subject").asText());
    assertEquals(1, lookup.get("version").asInt());
    assertEquals(first, lookup.get("id").asInt());
    assertTrue(lookup.get("schema").isTextual());

    assertTrue(texts(ok(http.get("/subjects"))).contains("reads-value"));
    assertEquals(List.of("reads-value"), texts(ok(http.get("/subjects?subjectPrefix=reads"))));
    assertEquals(List.of("AVRO"), texts(ok(http.get("/schemas/types"))));
    assertEquals("READWRITE", ok(http.get("/mode")).get("mode").asText());
  }

  @Test
  void emptyQueryParameterMeansAbsent() {
    int id = register("empty-param-value", TestSchemas.record("EmptyParam"));
    JsonNode byId = ok(http.get("/schemas/ids/" + id + "?fetchMaxId=false&subject="));
    assertTrue(byId.get("schema").asText().contains("EmptyParam"));
    assertTrue(texts(ok(http.get("/subjects?subjectPrefix=&deleted="))).contains(
        "empty-param-value"));
  }

  @Test
  void acceptsEveryContentTypeConfluentClientsSend() {
    String body = schemaBody(TestSchemas.record("ContentTypes"));
    int id = ok(http.post("/subjects/ct-value/versions", body, V1_JSON)).get("id").asInt();
    for (String type : new String[] {"application/vnd.schemaregistry+json", "application/json",
        null}) {
      assertEquals(id, ok(http.post("/subjects/ct-value/versions", body, type)).get("id").asInt(),
          "Content-Type " + type);
    }
    Reply withOddAccept = http.send(HttpRequest.newBuilder(http.uri("/subjects/ct-value/versions"))
        .header("Accept", "text/html, */*;q=0.1").GET().build());
    assertEquals(List.of(1), ints(ok(withOddAccept)));
  }

  @Test
  void subjectNamesAreUrlEncoded() {
    String subject = "odd name/with:chars-value";
    int id = register(subject, TestSchemas.record("OddName"));
    JsonNode latest = ok(http.get("/subjects/" + encode(subject) + "/versions/latest"));
    assertEquals(subject, latest.get("subject").asText());
    assertEquals(id, latest.get("id").asInt());
    assertTrue(texts(ok(http.get("/subjects"))).contains(subject));
  }

  @Test
  void errorsCarryConfluentCodes() {
    register("errors-value", TestSchemas.USER);
    error(40401, http.get("/subjects/no-such-subject/versions"));
    error(40401, http.get("/subjects/no-such-subject/versions/1"));
    error(40401, http.post("/subjects/no-such-subject", schemaBody(TestSchemas.USER)));
    error(40402, http.get("/subjects/errors-value/versions/99"));
    error(40403, http.get("/schemas/ids/987654"));
    error(40403, http.post("/subjects/errors-value", schemaBody(TestSchemas.USER_WITH_DOC)));
    error(42201, http.post("/subjects/errors-value/versions", schemaBody(TestSchemas.MALFORMED)));
    error(42201, http.post("/subjects/errors-value/versions",
        "{\"schema\":\"{\\\"type\\\":\\\"nosuchtype\\\"}\"}"));
    error(42201, http.post("/subjects/errors-value/versions",
        "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"));
    error(42202, http.get("/subjects/errors-value/versions/0"));
    error(42202, http.get("/subjects/errors-value/versions/abc"));
    error(42203, http.put("/config/errors-value", "{\"compatibility\":\"SIDEWAYS\"}"));

    Reply incompatible = http.post("/subjects/errors-value/versions",
        schemaBody(TestSchemas.USER_WITH_REQUIRED_AGE));
    assertEquals(409, incompatible.status());
    assertEquals(409, incompatible.errorCode());
    assertEquals(List.of(1), ints(ok(http.get("/subjects/errors-value/versions"))),
        "a rejected schema adds no version");
  }

  @Test
  void unknownPathsAnswerJson404() {
    Reply reply = http.get("/no/such/path");
    assertEquals(404, reply.status());
    assertEquals(404, reply.errorCode());
    assertEquals(V1_JSON, reply.contentType());

    Reply wrongMethod = http.send(HttpRequest.newBuilder(http.uri("/config"))
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
    assertEquals(405, wrongMethod.status());
    assertEquals(405, wrongMethod.errorCode());

    Reply notJson = http.post("/subjects/not-json-value/versions", "{schema:");
    assertEquals(400, notJson.status());
    assertEquals(400, notJson.errorCode());
  }

  @Test
  void acceptsSchemaTypeAvroAndEmptyReferences() {
    String body = "{\"schemaType\":\"AVRO\",\"references\":[],\"schema\":"
        + RegistryHttp.JSON.valueToTree(TestSchemas.record("Typed")).toString() + "}";
    int id = ok(http.post("/subjects/typed-value/versions", body)).get("id").asInt();
    assertTrue(id > 0);
    assertEquals(id, ok(http.get("/subjects/typed-value/versions/1")).get("id").asInt());
  }

  @Test
  void compatibilityChecks() {
    register("compat-value", TestSchemas.USER);
    String path = "/compatibility/subjects/compat-value/versions/latest";
    assertTrue(ok(http.post(path, schemaBody(TestSchemas.USER_WITH_EMAIL)))
        .get("is_compatible").asBoolean());
    JsonNode incompatible = ok(http.post(path, schemaBody(TestSchemas.USER_WITH_REQUIRED_AGE)));
    assertFalse(incompatible.get("is_compatible").asBoolean());
    assertFalse(incompatible.has("messages"), "messages only when verbose");

    JsonNode verbose = ok(http.post(path + "?verbose=true",
        schemaBody(TestSchemas.USER_WITH_REQUIRED_AGE)));
    assertFalse(verbose.get("is_compatible").asBoolean());
    assertTrue(verbose.get("messages").toString().contains("READER_FIELD_MISSING_DEFAULT_VALUE"),
        verbose.toString());

    assertFalse(ok(http.post("/compatibility/subjects/compat-value/versions/1",
        schemaBody(TestSchemas.USER_WITH_REQUIRED_AGE))).get("is_compatible").asBoolean());
    assertFalse(ok(http.post("/compatibility/subjects/compat-value/versions",
        schemaBody(TestSchemas.USER_WITH_REQUIRED_AGE))).get("is_compatible").asBoolean());
    // Confluent's Java client asks with a trailing slash.
    assertTrue(ok(http.post("/compatibility/subjects/compat-value/versions/",
        schemaBody(TestSchemas.USER_WITH_EMAIL))).get("is_compatible").asBoolean());
    error(40402, http.post("/compatibility/subjects/compat-value/versions/7",
        schemaBody(TestSchemas.USER)));
    error(42202, http.post("/compatibility/subjects/compat-value/versions/zero",
        schemaBody(TestSchemas.USER)));
  }

  @Test
  void transitiveLevelChecksEveryLiveVersion() {
    String a = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    String ab = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
        + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    // Drops a default: still readable by ab's data but not by a's data (b has no default).
    String b = "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"b\",\"type\":\"int\"}]}";
    ok(http.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}"));
    register("transitive-value", a);
    register("transitive-value", ab);
    Reply reply = http.post("/subjects/transitive-value/versions", schemaBody(b));
    assertEquals(409, reply.errorCode(), "b cannot read data written with a");

    ok(http.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD\"}"));
    assertTrue(register("transitive-value", b) > 0, "b can read data written with ab");
  }

  @Test
  void compatibilityConfiguration() {
    assertEquals("BACKWARD", ok(http.get("/config")).get("compatibilityLevel").asText());
    error(40408, http.get("/config/config-value"));
    assertEquals("BACKWARD", ok(http.get("/config/config-value?defaultToGlobal=true"))
        .get("compatibilityLevel").asText());

    register("config-value", TestSchemas.USER);
    JsonNode put = ok(http.put("/config/config-value", "{\"compatibility\":\"none\"}"));
    assertEquals("NONE", put.get("compatibility").asText());
    assertEquals("NONE", ok(http.get("/config/config-value")).get("compatibilityLevel").asText());
    assertTrue(register("config-value", TestSchemas.USER_WITH_REQUIRED_AGE) > 0,
        "subject level NONE overrides the global BACKWARD");
    assertEquals("BACKWARD", ok(http.get("/config")).get("compatibilityLevel").asText());

    assertEquals("NONE", ok(http.delete("/config/config-value")).get("compatibilityLevel")
        .asText(), "DELETE returns the previous level");
    error(40408, http.get("/config/config-value"));

    assertEquals("FULL", ok(http.put("/config", "{\"compatibility\":\"FULL\"}"))
        .get("compatibility").asText());
    assertEquals("FULL", ok(http.get("/config")).get("compatibilityLevel").asText());
    assertEquals("FULL", ok(http.delete("/config")).get("compatibilityLevel").asText());
    assertEquals("BACKWARD", ok(http.get("/config")).get("compatibilityLevel").asText());
  }

  @Test
  void softThenPermanentDeleteOfVersions() {
    int first = register("delete-version-value", TestSchemas.USER);
    register("delete-version-value", TestSchemas.USER_WITH_EMAIL);

    error(40407, http.delete("/subjects/delete-version-value/versions/1?permanent=true"));
    assertEquals(1, ok(http.delete("/subjects/delete-version-value/versions/1")).asInt());
    error(40406, http.delete("/subjects/delete-version-value/versions/1"));
    assertEquals(List.of(2), ints(ok(http.get("/subjects/delete-version-value/versions"))));
    assertEquals(List.of(1, 2),
        ints(ok(http.get("/subjects/delete-version-value/versions?deleted=true"))));
    assertEquals(0, ok(http.get("/schemas/ids/" + first + "/versions")).size());
    assertEquals(1, ok(http.get("/schemas/ids/" + first + "/versions?deleted=true")).size());
    error(40402, http.get("/subjects/delete-version-value/versions/1"));
    assertEquals(first, ok(http.get("/subjects/delete-version-value/versions/1?deleted=true"))
        .get("id").asInt());
    assertTrue(ok(http.get("/schemas/ids/" + first)).has("schema"),
        "a soft-deleted schema is still readable by id");

    assertEquals(1, ok(http.delete("/subjects/delete-version-value/versions/1?permanent=true"))
        .asInt());
    assertEquals(List.of(2),
        ints(ok(http.get("/subjects/delete-version-value/versions?deleted=true"))));
  }

  @Test
  void softThenPermanentDeleteOfSubject() {
    int id = register("delete-subject-value", TestSchemas.record("Doomed"));
    ok(http.put("/config/delete-subject-value", "{\"compatibility\":\"FULL\"}"));

    error(40405, http.delete("/subjects/delete-subject-value?permanent=true"));
    assertEquals(List.of(1), ints(ok(http.delete("/subjects/delete-subject-value"))));
    error(40404, http.delete("/subjects/delete-subject-value"));
    assertFalse(texts(ok(http.get("/subjects"))).contains("delete-subject-value"));
    assertTrue(texts(ok(http.get("/subjects?deleted=true"))).contains("delete-subject-value"));
    error(40401, http.get("/subjects/delete-subject-value/versions"));

    assertEquals(List.of(1),
        ints(ok(http.delete("/subjects/delete-subject-value?permanent=true"))));
    error(40401, http.delete("/subjects/delete-subject-value"));
    assertFalse(texts(ok(http.get("/subjects?deleted=true"))).contains("delete-subject-value"));
    error(40403, http.get("/schemas/ids/" + id));
    error(40408, http.get("/config/delete-subject-value"));

    int next = register("delete-subject-after-value", TestSchemas.record("Reborn"));
    assertTrue(next > id, "ids are never reused: " + next + " after " + id);
  }

  @Test
  void healthReportsCaughtUpStore() {
    Reply reply = http.get("/health");
    assertEquals(200, reply.status());
    assertEquals("UP", reply.json().get("status").asText());
  }
}
