package dev.groundstream.eval.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.config.ServerTls;
import dev.groundstream.eval.query.ClusterQueries;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
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
  private final Vertx vertx;
  private volatile EvalApi api;
  private volatile LiveUpdates liveUpdates;
  private volatile Supplier<KafkaStreams.State> state = () -> null;
  private volatile dev.groundstream.health.DependencyHealth dependencies;

  private EvalHttpServer(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static EvalHttpServer start(Vertx vertx, String host, int port, PrometheusMeterRegistry prometheus) {
    return start(vertx, host, port, prometheus, java.util.Optional.empty());
  }

  /** With {@code access} (api-keys): every path but /health needs a key. */
  public static EvalHttpServer start(Vertx vertx, String host, int port, PrometheusMeterRegistry prometheus,
      java.util.Optional<ApiAccess> access) {
    return start(vertx, host, port, prometheus, access, java.util.Optional.empty());
  }

  /** As {@link #start(Vertx, String, int, PrometheusMeterRegistry, java.util.Optional)}, HTTPS only when {@code tls} is given. */
  public static EvalHttpServer start(Vertx vertx, String host, int port, PrometheusMeterRegistry prometheus,
      java.util.Optional<ApiAccess> access, java.util.Optional<ServerTls> tls) {
    Router router = Router.router(vertx);
    access.ifPresent(a -> router.route().handler(a));
    EvalHttpServer[] self = new EvalHttpServer[1];
    router.get("/health").handler(ctx -> self[0].health(ctx));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(prometheus.scrape()));
    router.get("/api/info").handler(ctx -> self[0].answer(ctx, EvalApi::info));
    router.get("/api/metrics").handler(ctx -> self[0].answer(ctx, api -> api.metrics(new QueryParameters(ctx))));
    router.get("/api/evaluations/latest").handler(ctx ->
        self[0].answer(ctx, api -> api.latestEvaluations(new QueryParameters(ctx))));
    router.get("/api/evaluations/:requestId/boxes").handler(ctx -> self[0].answerEnvelope(ctx, api ->
        api.evaluationBoxes(new QueryParameters(ctx), ctx.pathParam("requestId")), EvalHttpServer::send));
    router.get("/api/requests/:requestId/image").handler(ctx -> self[0].answerEnvelope(ctx, api ->
        api.requestImage(new QueryParameters(ctx), ctx.pathParam("requestId")), EvalHttpServer::sendImage));
    router.get("/api/evaluations/:requestId").handler(ctx -> self[0].answer(ctx, api ->
        api.evaluationsOf(new QueryParameters(ctx), ctx.pathParam("requestId"))));
    router.get("/api/compare").handler(ctx -> self[0].answer(ctx, api -> api.compare(new QueryParameters(ctx))));
    router.get("/api/signals").handler(ctx -> self[0].answer(ctx, api -> api.signals(new QueryParameters(ctx))));
    router.get("/api/alerts").handler(ctx -> self[0].answer(ctx, api -> api.alerts(new QueryParameters(ctx))));
    router.get("/api/stream").handler(ctx -> self[0].stream(ctx));
    router.route("/api/*").handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().path()));
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.route("/*").handler(StaticHandler.create("dashboard").setIndexPage("index.html"));
    HttpServerOptions options = new HttpServerOptions();
    tls.ifPresent(identity -> options.setSsl(true).setKeyCertOptions(
        new PfxOptions().setValue(Buffer.buffer(identity.pkcs12())).setPassword(identity.password())));
    HttpServer server = await(vertx.createHttpServer(options).requestHandler(router).listen(port, host));
    self[0] = new EvalHttpServer(vertx, server);
    return self[0];
  }

  public int port() {
    return server.actualPort();
  }

  /** Attaches the query API and the Streams state once Kafka Streams exists. */
  public void attach(EvalApi api, Supplier<KafkaStreams.State> state) {
    this.state = state;
    this.liveUpdates = new LiveUpdates(vertx, new DashboardSnapshot(api, state));
    this.api = api;
  }

  /** The broker's and registry's state for /health (DEGRADED while one fails and Streams runs). */
  public void dependencies(dev.groundstream.health.DependencyHealth health) {
    this.dependencies = health;
  }

  /** GET /api/stream: Server-Sent Events with the dashboard snapshot whenever it changes. */
  private void stream(RoutingContext ctx) {
    LiveUpdates current = liveUpdates;
    if (current == null || api == null) {
      error(ctx, 503, "the query API is starting");
      return;
    }
    current.listen(ctx);
  }

  private void health(RoutingContext ctx) {
    KafkaStreams.State current = state.get();
    ObjectNode body = NODES.objectNode();
    body.put("state", current == null ? "STARTING" : current.name());
    body.put("status", HealthStatus.of(current, dependencies));
    if (dependencies != null) {
      body.set("dependencies", HealthStatus.json(dependencies));
    }
    send(ctx, current == KafkaStreams.State.RUNNING ? 200 : 503, body);
  }

  private void answer(RoutingContext ctx, Function<EvalApi, CompletableFuture<JsonNode>> query) {
    answer(ctx, query, (context, body) -> send(context, 200, body));
  }

  private void answer(RoutingContext ctx, Function<EvalApi, CompletableFuture<JsonNode>> query,
      java.util.function.BiConsumer<RoutingContext, JsonNode> onSuccess) {
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
        onSuccess.accept(ctx, done.result());
      } else {
        fail(ctx, done.cause());
      }
    });
  }

  /**
   * Answers whose JSON carries its own {@code status} (so a forwarded "not found" stays one): a local
   * (forwarded) call gets the envelope as is; a caller gets {@code onOk} for 200, else the JSON error.
   */
  private void answerEnvelope(RoutingContext ctx, Function<EvalApi, CompletableFuture<JsonNode>> query,
      java.util.function.BiConsumer<RoutingContext, JsonNode> onOk) {
    boolean forwarded = "true".equals(ctx.request().getParam(ClusterQueries.LOCAL_PARAM));
    answer(ctx, query, (context, envelope) -> {
      int status = envelope.path("status").asInt(500);
      if (forwarded) {
        send(context, 200, envelope);
      } else if (status == 200) {
        onOk.accept(context, envelope);
      } else {
        error(context, status, envelope.path("error").asText());
      }
    });
  }

  private static void send(RoutingContext ctx, JsonNode body) {
    send(ctx, 200, body);
  }

  private static void sendImage(RoutingContext ctx, JsonNode envelope) {
    byte[] bytes = java.util.Base64.getDecoder().decode(envelope.path("data").asText());
    ctx.response().setStatusCode(200)
        .putHeader("content-type", envelope.path("contentType").asText("application/octet-stream"))
        .putHeader("cache-control", "private, max-age=3600") // a request's image never changes
        .putHeader("x-content-type-options", "nosniff")
        .end(io.vertx.core.buffer.Buffer.buffer(bytes));
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
    LiveUpdates current = liveUpdates;
    if (current != null) {
      current.close();
    }
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
