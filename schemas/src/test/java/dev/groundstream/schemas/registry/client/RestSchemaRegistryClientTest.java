package dev.groundstream.schemas.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.groundstream.config.RegistryConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client behaviour that our own registry cannot exercise because it has no authentication: the
 * Authorization header of a managed registry, fail-over between URLs, error bodies. A JDK HTTP
 * server stands in for the managed registry and records what it received.
 */
class RestSchemaRegistryClientTest {
  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/subjects", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(String.valueOf(auth));
      boolean ok = "Basic c3ZjOnMzY3JldA==".equals(auth); // base64("svc:s3cret")
      byte[] body = (ok ? "[\"a-value\"]" : "{\"error_code\":40101,\"message\":\"Unauthorized\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void sendsBasicAuthFromUserInfo() {
    RegistryConnection connection = RegistryConnection.fromEnvironment(Map.of(
        "GROUNDSTREAM_REGISTRY_URL", url(), "GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO", "svc:s3cret"));
    assertEquals(List.of("a-value"), new RestSchemaRegistryClient(connection).subjects());
    assertEquals(List.of("Basic c3ZjOnMzY3JldA=="), authorizations);
  }

  @Test
  void errorBodyBecomesAnExceptionWithTheRegistryErrorCode() {
    SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
        () -> new RestSchemaRegistryClient(RegistryConnection.of(url())).subjects());
    assertEquals(40101, e.errorCode());
    assertTrue(e.getMessage().contains("Unauthorized") && e.getMessage().contains("listing subjects"), e.getMessage());
  }

  @Test
  void unreachableFirstUrlFallsOverToTheNext() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RegistryConnection connection = RegistryConnection.fromEnvironment(Map.of(
        "GROUNDSTREAM_REGISTRY_URL", "http://127.0.0.1:" + closedPort + "," + url(),
        "GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO", "svc:s3cret"));
    assertEquals(List.of("a-value"), new RestSchemaRegistryClient(connection).subjects());
  }

  @Test
  void allUrlsUnreachableIsAClearError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SchemaRegistryException e = assertThrows(SchemaRegistryException.class,
        () -> new RestSchemaRegistryClient(RegistryConnection.of("http://127.0.0.1:" + closedPort)).subjects());
    assertEquals(SchemaRegistryException.UNREACHABLE, e.errorCode());
    assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
  }
}
