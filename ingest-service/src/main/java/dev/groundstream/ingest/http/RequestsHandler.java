package dev.groundstream.ingest.http;

import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.requests.AcceptedRequest;
import dev.groundstream.ingest.requests.RequestIngestor;
import dev.groundstream.ingest.requests.RequestStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * POST /v1/requests and GET /v1/requests/{id}. Blocking work (parsing, decoding) runs on the decode
 * workers; fetching a URI image does not occupy them.
 */
public final class RequestsHandler {
  private final WorkerExecutor workers;
  private final UploadParser parser;
  private final RequestIngestor ingestor;
  private final RequestStore store;
  private final IngestMetrics metrics;
  private final FailureResponder failures;

  public RequestsHandler(WorkerExecutor workers, UploadParser parser, RequestIngestor ingestor, RequestStore store,
      IngestMetrics metrics, FailureResponder failures) {
    this.workers = workers;
    this.parser = parser;
    this.ingestor = ingestor;
    this.store = store;
    this.metrics = metrics;
    this.failures = failures;
  }

  public void post(RoutingContext ctx) {
    long start = System.nanoTime();
    String tenant = ctx.get(ApiKeyAuthHandler.TENANT);
    var context = ctx.vertx().getOrCreateContext();
    // A URI image is fetched between the two blocking steps, holding no decode thread while it waits.
    workers.executeBlocking(() -> ingestor.fetchImage(parser.parse(ctx, tenant)), false)
        .compose(fetching -> Future.fromCompletionStage(fetching, context))
        .compose(command -> workers.executeBlocking(() -> ingestor.ingest(command), false))
        .compose(written -> Future.fromCompletionStage(written, context))
        .onSuccess(outcome -> {
          if (outcome.replayed()) {
            metrics.replayed();
            ctx.response().putHeader("Idempotent-Replayed", "true");
          } else {
            metrics.accepted(outcome.accepted().request().getImage().getSizeBytes(), System.nanoTime() - start);
          }
          String id = outcome.accepted().request().getRequestId().toString();
          ctx.response().setStatusCode(202)
              .putHeader("content-type", "application/json")
              .putHeader("Location", "/v1/requests/" + id)
              .end(RequestView.of(outcome.accepted()).encode());
        })
        .onFailure(error -> failures.respond(ctx, error));
  }

  public void get(RoutingContext ctx) {
    try {
      UUID id = parseId(ctx.pathParam("id"));
      AcceptedRequest accepted = store.find(id).orElseThrow(() -> new InvalidInputException(404, "unknown_request",
          "No request " + id + " is known to this service (unknown, not yet written, or evicted from its cache)"));
      if (!accepted.tenant().equals(ctx.get(ApiKeyAuthHandler.TENANT))) {
        throw new InvalidInputException(403, "wrong_tenant", "The request belongs to another tenant");
      }
      ctx.response().putHeader("content-type", "application/json").end(RequestView.of(accepted).encode());
    } catch (RuntimeException e) {
      failures.respond(ctx, e);
    }
  }

  static UUID parseId(String text) {
    try {
      UUID id = UUID.fromString(text);
      if (!id.toString().equalsIgnoreCase(text)) { // UUID.fromString accepts odd short forms
        throw new IllegalArgumentException(text);
      }
      return id;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.badRequest("bad_request_id", "Not a request id (UUID): " + text);
    }
  }
}
