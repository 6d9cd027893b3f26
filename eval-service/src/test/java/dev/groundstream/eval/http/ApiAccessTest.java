package dev.groundstream.eval.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** api-keys on the real HTTP server: /health open, everything else needs a key in one of three forms. */
class ApiAccessTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String KEY = "ops-secret";

  @Test
  void everyPathButHealthNeedsAKey() throws Exception {
    String spec = "ops:" + ApiAccess.sha256Hex(KEY) + ",ci:" + ApiAccess.sha256Hex("other");
    ApiAccess access = ApiAccess.of(spec).orElseThrow();
    Vertx vertx = Vertx.vertx();
    try {
      EvalHttpServer server = EvalHttpServer.start(vertx, "127.0.0.1", 0,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.of(access));
      int port = server.port();
      assertEquals(503, get(port, "/health", null, null).statusCode(), "open (and not running yet)");

      for (String path : new String[] {"/", "/api/info", "/api/stream", "/metrics", "/webjars/x"}) {
        HttpResponse<String> denied = get(port, path, null, null);
        assertEquals(401, denied.statusCode(), path);
        assertTrue(denied.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), path);
      }
      assertEquals(401, get(port, "/api/info", "X-API-Key", "wrong").statusCode());
      assertEquals(401, get(port, "/api/info", "Authorization", basic("ci", KEY)).statusCode(),
          "basic auth needs the key's own name");

      // authorized: the API answers (503 while it is starting), the dashboard and metrics are served
      assertEquals(503, get(port, "/api/info", "X-API-Key", KEY).statusCode());
      assertEquals(503, get(port, "/api/info", "Authorization", "Bearer " + KEY).statusCode());
      HttpResponse<String> page = get(port, "/", "Authorization", basic("ops", KEY));
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<html"), "the dashboard page");
      assertEquals(200, get(port, "/metrics", "Authorization", "Bearer other").statusCode());
      assertEquals(503, get(port, "/api/info", ApiAccess.PEER_HEADER, access.peerToken()).statusCode(),
          "forwarded queries of another instance with the same api-keys pass");
      assertEquals(401, get(port, "/api/info", ApiAccess.PEER_HEADER,
          ApiAccess.of("x:" + ApiAccess.sha256Hex("y")).orElseThrow().peerToken()).statusCode());
      server.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void offWhenEmptyAndHashesAreChecked() {
    assertTrue(ApiAccess.of("").isEmpty());
    assertTrue(ApiAccess.of(" ").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> ApiAccess.parse("ops:plaintext"));
    assertThrows(IllegalArgumentException.class, () -> ApiAccess.parse(":" + ApiAccess.sha256Hex("k")));
  }

  private static String basic(String name, String key) {
    return "Basic " + Base64.getEncoder().encodeToString((name + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(int port, String path, String header, String value) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (header != null) {
      b.header(header, value);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
