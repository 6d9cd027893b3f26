package dev.groundstream.ingest.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The routes. Authentication and the tenant rate limit run before the body is read, so an
 * unauthenticated or throttled client cannot make us buffer its upload. Every error, including
 * Vert.x's own 404/405/413, answers with the JSON error body.
 */
public final class IngestRouter {
  private IngestRouter() {}

  public record Handlers(ApiKeyAuthHandler auth, TenantRateLimitHandler rateLimit, RequestsHandler requests,
      LabelsHandler labels, ResultHandler results, HealthHandler health, IngestMetrics metrics, FailureResponder failures) {}

  public static Router create(Vertx vertx, Handlers h, long bodyLimitBytes) {
    Router router = Router.router(vertx);
    RawBodyHandler body = new RawBodyHandler(bodyLimitBytes, h.metrics());

    router.get("/health").handler(h.health()::get);
    router.get("/metrics").handler(h.auth()).handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(h.metrics().scrape()));

    router.route("/v1/*").handler(h.auth()).handler(h.rateLimit());
    router.post("/v1/requests").handler(body).handler(h.requests()::post);
    router.get("/v1/requests/:id").handler(h.requests()::get);
    router.get("/v1/requests/:id/result").handler(h.results()::get);
    router.post("/v1/labels").handler(new RawBodyHandler(1024 * 1024, h.metrics())).handler(h.labels()::post);

    router.errorHandler(400, ctx -> error(ctx, h, 400, "bad_request", "The request could not be read"));
    router.errorHandler(404, ctx -> error(ctx, h, 404, "not_found", "No such endpoint"));
    router.errorHandler(405, ctx -> error(ctx, h, 405, "method_not_allowed", "Method not allowed here"));
    router.errorHandler(413, ctx -> error(ctx, h, 413, "body_too_large", "The body is over " + bodyLimitBytes + " bytes"));
    router.errorHandler(415, ctx -> error(ctx, h, 415, "unsupported_media_type", "Unsupported media type"));
    router.errorHandler(500, ctx -> {
      if (ctx.failure() != null) {
        h.failures().respond(ctx, ctx.failure());
      } else {
        error(ctx, h, 500, "internal_error", "Unexpected error");
      }
    });
    return router;
  }

  private static void error(RoutingContext ctx, Handlers h, int status, String reason, String message) {
    h.metrics().rejected(reason);
    JsonErrors.send(ctx, status, reason, message);
  }
}
