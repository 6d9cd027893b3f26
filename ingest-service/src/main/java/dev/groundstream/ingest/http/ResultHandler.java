package dev.groundstream.ingest.http;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.requests.AcceptedRequest;
import dev.groundstream.ingest.requests.RequestStore;
import dev.groundstream.ingest.results.ResultStore;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * GET /v1/requests/{id}/result: the request must be known and the caller's tenant's (404
 * {@code unknown_request} / 403 {@code wrong_tenant}, as GET /v1/requests/{id}); then every
 * model's ranked boxes per phrase, or 404 {@code not_grounded_yet}. With {@code ?wait=10s} the
 * answer waits for the first result up to that long (clamped to the configured cap).
 */
public final class ResultHandler {
  private final RequestStore requests;
  private final ResultStore results;
  private final Duration waitCap;
  private final FailureResponder failures;

  public ResultHandler(RequestStore requests, ResultStore results, Duration waitCap, FailureResponder failures) {
    this.requests = requests;
    this.results = results;
    this.waitCap = waitCap;
    this.failures = failures;
  }

  public void get(RoutingContext ctx) {
    try {
      UUID id = RequestsHandler.parseId(ctx.pathParam("id"));
      AcceptedRequest accepted = requests.find(id).orElseThrow(() -> new InvalidInputException(404, "unknown_request",
          "No request " + id + " is known to this service (unknown, not yet written, or evicted from its cache)"));
      if (!accepted.tenant().equals(ctx.get(ApiKeyAuthHandler.TENANT))) {
        throw new InvalidInputException(403, "wrong_tenant", "The request belongs to another tenant");
      }
      Duration wait = WaitParameter.parse(ctx.request().getParam("wait"), waitCap);
      CompletableFuture<List<GroundingResult>> available = results.whenAvailable(id);
      if (available.isDone() || wait.isZero()) {
        answer(ctx, id, available.getNow(List.of()));
        if (!available.isDone()) {
          results.cancel(id, available);
        }
        return;
      }
      Context context = ctx.vertx().getOrCreateContext();
      long timer = ctx.vertx().setTimer(wait.toMillis(), t -> {
        results.cancel(id, available);
        answer(ctx, id, List.of());
      });
      ctx.response().closeHandler(v -> {
        ctx.vertx().cancelTimer(timer);
        results.cancel(id, available);
      });
      available.thenAccept(found -> context.runOnContext(v -> {
        if (ctx.vertx().cancelTimer(timer)) {
          answer(ctx, id, found);
        }
      }));
    } catch (RuntimeException e) {
      failures.respond(ctx, e);
    }
  }

  private void answer(RoutingContext ctx, UUID id, List<GroundingResult> found) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    if (found.isEmpty()) {
      failures.respond(ctx, new InvalidInputException(404, "not_grounded_yet",
          "No result for request " + id + " yet; retry later or ask with ?wait=10s (at most " + waitCap.toSeconds()
              + " s)"));
      return;
    }
    ctx.response().putHeader("content-type", "application/json").end(ResultView.of(id, found).encode());
  }
}
