package dev.groundstream.ingest.http;

import dev.groundstream.ingest.InvalidInputException;
import dev.groundstream.ingest.requests.LabelCommand;
import dev.groundstream.ingest.requests.LabelIngestor;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/**
 * POST /v1/labels: {"requestId", "phraseId", "boxes": [[x1,y1,x2,y2], ...]} or
 * {"requestId", "phraseId", "notVisible": true}; answers 202 with the phrases now labeled.
 */
public final class LabelsHandler {
  private final LabelIngestor labels;
  private final IngestMetrics metrics;
  private final FailureResponder failures;

  public LabelsHandler(LabelIngestor labels, IngestMetrics metrics, FailureResponder failures) {
    this.labels = labels;
    this.metrics = metrics;
    this.failures = failures;
  }

  public void post(RoutingContext ctx) {
    var context = ctx.vertx().getOrCreateContext();
    try {
      String contentType = Optional.ofNullable(ctx.request().getHeader("content-type")).orElse("").toLowerCase(Locale.ROOT);
      if (!contentType.startsWith("application/json")) {
        throw new InvalidInputException(415, "unsupported_media_type", "Labels are application/json");
      }
      JsonObject body = body(((io.vertx.core.buffer.Buffer) ctx.get(RawBodyHandler.BODY)).toString(java.nio.charset.StandardCharsets.UTF_8));
      String requestId = JsonFields.string(body, "requestId");
      String phraseId = JsonFields.string(body, "phraseId");
      if (requestId == null || phraseId == null) {
        throw InvalidInputException.badRequest("missing_field", "requestId and phraseId are required");
      }
      LabelCommand command = new LabelCommand(ctx.get(ApiKeyAuthHandler.TENANT), RequestsHandler.parseId(requestId),
          phraseId, JsonFields.boxes(body, "boxes"), JsonFields.bool(body, "notVisible"));
      Future.fromCompletionStage(labels.label(command), context)
          .onSuccess(truth -> {
            metrics.labelAccepted();
            ctx.response().setStatusCode(202).putHeader("content-type", "application/json")
                .end(new JsonObject().put("requestId", requestId).put("phraseId", phraseId)
                    .put("labeledPhrases", truth.getPhrases().size()).put("status", "accepted").encode());
          })
          .onFailure(error -> failures.respond(ctx, error));
    } catch (RuntimeException e) {
      failures.respond(ctx, e);
    }
  }

  private static JsonObject body(String text) {
    try {
      Object value = text == null ? null : Json.decodeValue(text);
      if (!(value instanceof JsonObject o)) {
        throw InvalidInputException.badRequest("bad_json", "The body must be a JSON object");
      }
      return o;
    } catch (DecodeException e) {
      throw InvalidInputException.badRequest("bad_json", "Malformed JSON");
    }
  }
}
