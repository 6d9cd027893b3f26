package dev.groundstream.eval.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The eval service's optional access control ({@code api-keys}, off when empty, as in the local
 * mode): every path but /health needs a key, given as {@code X-API-Key: <key>},
 * {@code Authorization: Bearer <key>} or HTTP basic auth {@code <name>:<key>} (so a browser opening
 * the dashboard gets a login prompt and then sends it with every fetch and event stream). Keys are
 * configured as {@code name:<sha256 hex of the key>,...}; only hashes are held. Instances of one
 * application forward queries to each other with a peer token derived from that same setting.
 */
public final class ApiAccess implements Handler<RoutingContext> {
  public static final String PEER_HEADER = "X-GroundStream-Peer";
  private static final String REALM = "Basic realm=\"GroundStream eval\", charset=\"UTF-8\"";

  private final Map<String, String> nameByHash;
  private final String peerToken;

  private ApiAccess(Map<String, String> nameByHash, String peerToken) {
    this.nameByHash = nameByHash;
    this.peerToken = peerToken;
  }

  /** Empty when {@code spec} is blank (access control off). */
  public static Optional<ApiAccess> of(String spec) {
    Map<String, String> byHash = parse(spec);
    return byHash.isEmpty() ? Optional.empty()
        : Optional.of(new ApiAccess(byHash, sha256Hex("groundstream-eval-peer\n" + spec.trim())));
  }

  /** {@code name:sha256hex,...} -> hash -> name. */
  public static Map<String, String> parse(String spec) {
    Map<String, String> byHash = new HashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String hash = colon < 0 ? "" : entry.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
      if (colon <= 0 || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("entries are name:<sha256 hex of the key>");
      }
      byHash.put(hash, entry.substring(0, colon).trim());
    }
    return byHash;
  }

  /** The header value instances of this application send each other on forwarded queries. */
  public String peerToken() {
    return peerToken;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if ("/health".equals(ctx.normalizedPath()) || allowed(ctx)) {
      ctx.next();
      return;
    }
    ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", REALM)
        .putHeader("content-type", "application/json")
        .end("{\"status\":401,\"error\":\"an API key is required (X-API-Key, Bearer or basic auth)\"}");
  }

  private boolean allowed(RoutingContext ctx) {
    String peer = ctx.request().getHeader(PEER_HEADER);
    if (peer != null && MessageDigest.isEqual(peer.getBytes(StandardCharsets.UTF_8),
        peerToken.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    String key = ctx.request().getHeader("X-API-Key");
    if (key != null) {
      return nameByHash.containsKey(sha256Hex(key));
    }
    String authorization = ctx.request().getHeader("Authorization");
    if (authorization == null) {
      return false;
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return nameByHash.containsKey(sha256Hex(authorization.substring(7).trim()));
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
      int colon = decoded.indexOf(':');
      return colon > 0 && decoded.substring(0, colon).equals(nameByHash.get(sha256Hex(decoded.substring(colon + 1))));
    }
    return false;
  }

  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
