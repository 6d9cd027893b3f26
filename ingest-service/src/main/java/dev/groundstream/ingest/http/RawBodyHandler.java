package dev.groundstream.ingest.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Collects the request body in memory up to a byte limit (413 beyond it, checked on the declared
 * Content-Length first and again while reading) and hands it on as {@link #BODY}.
 *
 * <p>Why not vertx-web's BodyHandler: it feeds multipart bodies to Netty's decoder and streams
 * file parts to disk, and our fuzz test found mutated multipart bodies after which the request
 * never completed (client time-out). Reading raw bytes and parsing multipart ourselves
 * ({@link MultipartBody}) turns every malformed body into a prompt 400.
 */
public final class RawBodyHandler implements Handler<RoutingContext> {
  public static final String BODY = "rawBody";

  private final long limit;
  private final IngestMetrics metrics;

  public RawBodyHandler(long limit, IngestMetrics metrics) {
    this.limit = limit;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader("content-length");
    if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
        && Long.parseLong(declared) > limit) {
      request.handler(ignored -> {}); // drain, so the client reads our answer instead of a reset
      request.resume();
      tooLarge(ctx);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] failed = {false};
    request.handler(chunk -> {
      if (failed[0]) {
        return;
      }
      if ((long) body.length() + chunk.length() > limit) {
        failed[0] = true;
        tooLarge(ctx);
        return;
      }
      body.appendBuffer(chunk);
    });
    request.exceptionHandler(error -> {
      if (!failed[0]) {
        failed[0] = true;
        metrics.rejected("bad_request");
        JsonErrors.send(ctx, 400, "bad_request", "The request body could not be read");
      }
    });
    request.endHandler(v -> {
      if (!failed[0]) {
        ctx.put(BODY, body);
        ctx.next();
      }
    });
    request.resume();
  }

  private void tooLarge(RoutingContext ctx) {
    metrics.rejected("body_too_large");
    JsonErrors.send(ctx, 413, "body_too_large", "The body is over " + limit + " bytes");
  }
}
