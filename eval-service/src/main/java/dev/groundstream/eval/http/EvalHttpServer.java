package dev.groundstream.eval.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.eval.query.ClusterQueries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP server: the query API, /health, /metrics (Prometheus) and the dashboard (static
 * files from the classpath, chart.js from its WebJar). It listens before Kafka Streams starts,
 * because Streams must be told this instance's real port ({@code application.server}); until the
 * API is attached, /api answers 503.
 */
public final class EvalHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EvalHttpServer.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final HttpServer server;
  private volatile EvalApi api;
  private volatile Supplier<KafkaStreams.State> state = () -> null;

  private EvalHttpServer(HttpServer server) {
    this.server = server;
  }

  public static EvalHttpServer start(Vertx vertx, String host, int port, PrometheusMeterRegistry prometheus) {
    Router router = Router.router(vertx);
    EvalHttpServer[] self = new EvalHttpServer[1];
    router.get("/health").handler(ctx -> self[0].health(ctx));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(prometheus.scrape()));
    router.get("/api/info").handler(ctx -> self[0].answer(ctx, EvalApi::info));
    router.get("/api/metrics").handler(ctx -> self[0].answer(ctx, api -> api.metrics(new QueryParameters(ctx))));
    router.get("/api/evaluations/latest").handler(ctx ->
        self[0].answer(ctx, api -> api.latestEvaluations(new QueryParameters(ctx))));
    router.get("/api/evaluations/:requestId").handler(ctx -> self[0].answer(ctx, api ->
        api.evaluationsOf(new QueryParameters(ctx), ctx.pathParam("requestId"))));
    router.get("/api/compare").handler(ctx -> self[0].answer(ctx, api -> api.compare(new QueryParameters(ctx))));
    router.get("/api/signals").handler(ctx -> self[0].answer(ctx, api -> api.signals(new QueryParameters(ctx))));
    router.get("/api/alerts").handler(ctx -> self[0].answer(ctx, api -> api.alerts(new QueryParameters(ctx))));
    router.route("/api/*").handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().path()));
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.route("/*").handler(StaticHandler.create("dashboard").setIndexPage("index.html"));
    HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(port, host));
    self[0] = new EvalHttpServer(server);
    return self[0];
  }

  public int port() {
    return server.actualPort();
  }

  /** Attaches the query API and the Streams state once Kafka Streams exists. */
  public void attach(EvalApi api, Supplier<KafkaStreams.State> state) {
    this.state = state;
    this.api = api;
  }

  private void health(RoutingContext ctx) {
    KafkaStreams.State current = state.get();
    ObjectNode body = NODES.objectNode();
    body.put("state", current == null ? "STARTING" : current.name());
    body.put("status", current == KafkaStreams.State.RUNNING ? "UP" : "DOWN");
    send(ctx, current == KafkaStreams.State.RUNNING ? 200 : 503, body);
  }

  private void answer(RoutingContext ctx, Function<EvalApi, CompletableFuture<JsonNode>> query) {
    EvalApi current = api;
    if (current == null) {
      error(ctx, 503, "the query API is starting");
      return;
    }
    CompletableFuture<JsonNode> result;
    try {
      result = query.apply(current);
    } catch (RuntimeException e) {
      fail(ctx, e);
      return;
    }
    Future.fromCompletionStage(result, ctx.vertx().getOrCreateContext()).onComplete(done -> {
      if (done.succeeded()) {
        send(ctx, 200, done.result());
      } else {
        fail(ctx, done.cause());
      }
    });
  }

  private static void fail(RoutingContext ctx, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof BadRequestException) {
      error(ctx, 400, cause.getMessage());
    } else if (cause instanceof ClusterQueries.NotReadyException || cause instanceof InvalidStateStoreException) {
      error(ctx, 503, "state is being (re)assigned, retry shortly: " + cause.getMessage());
    } else if (cause instanceof ClusterQueries.RemoteQueryException) {
      error(ctx, 502, cause.getMessage());
    } else {
      LOG.warn("Query failed: {}", ctx.request().uri(), cause);
      error(ctx, 500, cause.toString());
    }
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ObjectNode body = NODES.objectNode();
    body.put("status", status);
    body.put("error", message);
    send(ctx, status, body);
  }

  private static void send(RoutingContext ctx, int status, JsonNode body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toString());
  }

  @Override
  public void close() {
    await(server.close());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("HTTP server: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
