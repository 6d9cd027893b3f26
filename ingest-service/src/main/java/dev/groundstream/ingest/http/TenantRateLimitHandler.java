package dev.groundstream.ingest.http;

import dev.groundstream.ingest.TokenBucket;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per tenant; over the limit answers 429 with Retry-After in whole seconds. */
public final class TenantRateLimitHandler implements Handler<RoutingContext> {
  private final double perSecond;
  private final double burst;
  private final IngestMetrics metrics;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public TenantRateLimitHandler(double perSecond, double burst, IngestMetrics metrics) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String tenant = ctx.get(ApiKeyAuthHandler.TENANT);
    long waitNanos = buckets.computeIfAbsent(tenant, t -> new TokenBucket(perSecond, burst)).tryAcquire();
    if (waitNanos > 0) {
      long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
      metrics.rejected("rate_limited");
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      JsonErrors.send(ctx, 429, "rate_limited", "Tenant " + tenant + " is over " + perSecond + " requests/s");
      return;
    }
    ctx.next();
  }
}
