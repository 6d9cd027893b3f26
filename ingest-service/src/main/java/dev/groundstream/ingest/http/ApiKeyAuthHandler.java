package dev.groundstream.ingest.http;

import dev.groundstream.ingest.images.Sha256;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Finds the tenant of the API key ({@code X-API-Key} or {@code Authorization: Bearer}) by its
 * sha256 and stores it in the routing context; 401 without a known key, 403 when an
 * {@code X-Tenant} header names another tenant than the key's.
 */
public final class ApiKeyAuthHandler implements Handler<RoutingContext> {
  public static final String TENANT = "tenant";

  private final Map<String, String> tenantByKeyHash;
  private final IngestMetrics metrics;

  public ApiKeyAuthHandler(Map<String, String> tenantByKeyHash, IngestMetrics metrics) {
    this.tenantByKeyHash = tenantByKeyHash;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String key = ctx.request().getHeader("X-API-Key");
    String authorization = ctx.request().getHeader("Authorization");
    if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = authorization.substring(7).trim();
    }
    if (key == null || key.isEmpty()) {
      reject(ctx, 401, "missing_api_key", "Send an API key in X-API-Key or Authorization: Bearer");
      return;
    }
    // Hashing first makes the map lookup independent of the key's bytes (no timing oracle).
    String tenant = tenantByKeyHash.get(Sha256.hex(key));
    if (tenant == null) {
      reject(ctx, 401, "bad_api_key", "Unknown API key");
      return;
    }
    String claimed = ctx.request().getHeader("X-Tenant");
    if (claimed != null && !claimed.equals(tenant)) {
      reject(ctx, 403, "wrong_tenant", "The API key does not belong to tenant " + claimed);
      return;
    }
    ctx.put(TENANT, tenant);
    ctx.next();
  }

  private void reject(RoutingContext ctx, int status, String reason, String message) {
    metrics.rejected(reason);
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    JsonErrors.send(ctx, status, reason, message);
  }
}
