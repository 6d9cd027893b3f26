package dev.groundstream.schemas.registry.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Optional HTTP basic auth for the registry's writes: reads (GET, and the POST lookups
 * {@code /subjects/{s}} and {@code /compatibility/...}) stay anonymous; registering a schema
 * ({@code POST .../versions}), every PUT (config, mode) and every DELETE need a configured user.
 * Users are {@code user:<sha256 hex of the password>,...} in {@value #ENV}, so the settings never
 * hold a usable secret. Clients send them as Confluent clients do ({@code basic.auth.user.info}).
 * With no users configured every request passes (the local mode, which binds 127.0.0.1).
 */
public final class RegistryWriteAuth {
  public static final String ENV = "GROUNDSTREAM_REGISTRY_WRITE_USERS";

  private final Map<String, String> passwordHashByUser;

  private RegistryWriteAuth(Map<String, String> passwordHashByUser) {
    this.passwordHashByUser = Map.copyOf(passwordHashByUser);
  }

  /** Everyone may write. */
  public static RegistryWriteAuth none() {
    return new RegistryWriteAuth(Map.of());
  }

  /** {@code user:<sha256 hex>,...}; blank means {@link #none()}. */
  public static RegistryWriteAuth parse(String spec) {
    Map<String, String> users = new HashMap<>();
    for (String entry : spec == null ? new String[0] : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String user = colon < 0 ? "" : entry.substring(0, colon).trim();
      String hash = colon < 0 ? "" : entry.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (user.isEmpty() || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(ENV + " entries are user:<sha256 hex of the password>");
      }
      users.put(user, hash);
    }
    return new RegistryWriteAuth(users);
  }

  public static RegistryWriteAuth fromEnvironment(Map<String, String> env) {
    return parse(env.get(ENV));
  }

  public boolean enabled() {
    return !passwordHashByUser.isEmpty();
  }

  /** {@code next} behind the check. */
  public Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
    if (!enabled()) {
      return next;
    }
    return request -> {
      if (!isWrite(request.method(), request.path()) || authorized(request.getHeader("Authorization"))) {
        next.handle(request);
        return;
      }
      request.response().setStatusCode(401)
          .putHeader("WWW-Authenticate", "Basic realm=\"schema-registry\"")
          .putHeader("content-type", "application/vnd.schemaregistry.v1+json")
          .end(new JsonObject().put("error_code", 40101)
              .put("message", "Writes to this registry need basic auth of a configured user").encode());
    };
  }

  static boolean isWrite(HttpMethod method, String path) {
    if (method == HttpMethod.PUT || method == HttpMethod.DELETE || method == HttpMethod.PATCH) {
      return true;
    }
    return method == HttpMethod.POST && path != null && !path.startsWith("/compatibility/")
        && path.matches("/subjects/[^/]+/versions/?");
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String expected = passwordHashByUser.get(decoded.substring(0, colon));
    byte[] given = sha256Hex(decoded.substring(colon + 1)).getBytes(StandardCharsets.US_ASCII);
    return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given);
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
