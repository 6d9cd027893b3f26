package dev.groundstream.ingest.http;

import dev.groundstream.ingest.index.AcceptedIndexTail;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * GET /health: 200 when the broker and the schema registry answer within 2 s and the idempotency
 * index is loaded and being tailed, else 503 (a load balancer should not send uploads to an
 * instance that would not recognise repeats). No auth.
 */
public final class HealthHandler {
  private final Admin admin;
  private final SchemaRegistryClient registry;
  private final WorkerExecutor workers;
  private final AcceptedIndexTail index;

  public HealthHandler(Admin admin, SchemaRegistryClient registry, WorkerExecutor workers, AcceptedIndexTail index) {
    this.admin = admin;
    this.index = index;
    this.registry = registry;
    this.workers = workers;
  }

  public void get(RoutingContext ctx) {
    Future<String> broker = workers.executeBlocking(() -> {
      int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get(2, TimeUnit.SECONDS).size();
      return nodes + " broker(s)";
    }, false);
    Future<String> schemas = workers.executeBlocking(() -> registry.subjects().size() + " subject(s)", false);
    Future.join(broker, schemas).onComplete(done -> {
      AcceptedIndexTail.Status indexStatus = index.status();
      boolean indexUp = indexStatus.running() && indexStatus.caughtUp();
      boolean up = broker.succeeded() && schemas.succeeded() && indexUp;
      JsonObject body = new JsonObject()
          .put("status", up ? "UP" : "DOWN")
          .put("broker", check(broker))
          .put("registry", check(schemas))
          .put("index", new JsonObject().put("status", indexUp ? "UP" : "DOWN")
              .put("caughtUp", indexStatus.caughtUp()).put("recordsRead", indexStatus.recordsRead())
              .put("lag", indexStatus.lag()).put("error", indexStatus.error()));
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("content-type", "application/json").end(body.encode());
    });
  }

  private static JsonObject check(Future<String> f) {
    return f.succeeded()
        ? new JsonObject().put("status", "UP").put("detail", f.result())
        : new JsonObject().put("status", "DOWN").put("detail", String.valueOf(f.cause()));
  }
}
