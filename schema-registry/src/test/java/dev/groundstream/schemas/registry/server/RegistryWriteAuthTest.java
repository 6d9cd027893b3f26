package dev.groundstream.schemas.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.testing.KafkaTestCluster;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes need a configured user; reads stay anonymous; the local default stays open. */
class RegistryWriteAuthTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(String base, String method, String path, String body, String user, String password)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", RegistryHttp.V1_JSON)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void writesNeedAConfiguredUserAndReadsDoNot() throws Exception {
    RegistryWriteAuth auth = RegistryWriteAuth.fromEnvironment(
        Map.of(RegistryWriteAuth.ENV, "ci:" + RegistryWriteAuth.sha256Hex("s3cret")));
    String register = "/subjects/users-value/versions";
    String schema = RegistryHttp.schemaBody(TestSchemas.USER);
    try (KafkaTestCluster kafka = KafkaTestCluster.start();
        SchemaRegistryServer server = SchemaRegistryServer.start(
            SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()), auth)) {
      String base = server.url();
      HttpResponse<String> anonymous = send(base, "POST", register, schema, null, null);
      assertEquals(401, anonymous.statusCode(), anonymous.body());
      assertTrue(anonymous.body().contains("40101"), anonymous.body());
      assertEquals(401, send(base, "POST", register, schema, "ci", "wrong").statusCode());
      assertEquals(401, send(base, "POST", register, schema, "other", "s3cret").statusCode());
      assertEquals(200, send(base, "POST", register, schema, "ci", "s3cret").statusCode());

      assertEquals(200, send(base, "GET", "/subjects", null, null, null).statusCode());
      assertEquals(200, send(base, "GET", "/schemas/ids/1", null, null, null).statusCode());
      assertEquals(200, send(base, "POST", "/subjects/users-value", schema, null, null).statusCode(), "lookup is a read");
      assertEquals(401, send(base, "DELETE", "/subjects/users-value", null, null, null).statusCode());
      assertEquals(401, send(base, "PUT", "/config", "{\"compatibility\":\"NONE\"}", null, null).statusCode());
      assertEquals(200, send(base, "DELETE", "/subjects/users-value", null, "ci", "s3cret").statusCode());
    }
  }

  @Test
  void settingsAndWhatCountsAsAWrite() {
    assertFalse(RegistryWriteAuth.none().enabled());
    assertFalse(RegistryWriteAuth.fromEnvironment(Map.of()).enabled());
    assertThrows(IllegalArgumentException.class, () -> RegistryWriteAuth.parse("ci:not-a-hash"));
    assertTrue(RegistryWriteAuth.isWrite(HttpMethod.POST, "/subjects/a/versions"));
    assertFalse(RegistryWriteAuth.isWrite(HttpMethod.POST, "/subjects/a"));
    assertFalse(RegistryWriteAuth.isWrite(HttpMethod.POST, "/compatibility/subjects/a/versions/latest"));
    assertFalse(RegistryWriteAuth.isWrite(HttpMethod.GET, "/subjects/a/versions"));
    assertTrue(RegistryWriteAuth.isWrite(HttpMethod.DELETE, "/subjects/a"));
  }
}
