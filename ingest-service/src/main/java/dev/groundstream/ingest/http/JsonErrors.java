package dev.groundstream.ingest.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error answer has the same JSON body: {"error": {"status", "reason", "message"}}. */
public final class JsonErrors {
  private JsonErrors() {}

  public static void send(RoutingContext ctx, int status, String reason, String message) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", new JsonObject()
            .put("status", status).put("reason", reason).put("message", message == null ? reason : message))
            .encode());
  }
}
