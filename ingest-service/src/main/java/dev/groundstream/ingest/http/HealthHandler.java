package dev.groundstream.ingest.http;

import dev.groundstream.ingest.index.AcceptedIndexTail;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.health.DependencyHealth;
import dev.groundstream.health.DependencyProbe;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * GET /health, no auth. {@code UP} (200): the broker and the schema registry answer within 2 s and
 * the idempotency index is loaded and being tailed. {@code DEGRADED} (200): only the registry is
 * failing; uploads still go through on cached schema ids while it is retried. {@code DOWN} (503):
 * the broker is unreachable (no upload could be acknowledged) or the index is not ready (a load
 * balancer should not send uploads to an instance that would not recognise repeats). Each
 * dependency also reports {@code sinceLastSuccessMs} and {@code retries} from {@link DependencyHealth}.
 */
public final class HealthHandler {
  private final Admin admin;
  private final SchemaRegistryClient registry;
  private final WorkerExecutor workers;
  private final AcceptedIndexTail index;
  private final DependencyHealth health;

  public HealthHandler(Admin admin, SchemaRegistryClient registry, WorkerExecutor workers, AcceptedIndexTail index) {
    this(admin, registry, workers, index, new DependencyHealth("ingest", DependencyProbe.BROKER, DependencyProbe.REGISTRY));
  }

  public HealthHandler(Admin admin, SchemaRegistryClient registry, WorkerExecutor workers, AcceptedIndexTail index,
      DependencyHealth health) {
    this.health = health;
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
      record(DependencyProbe.BROKER, broker);
      record(DependencyProbe.REGISTRY, schemas);
      boolean down = broker.failed() || !indexUp;
      String status = down ? "DOWN" : schemas.failed() ? "DEGRADED" : "UP";
      JsonObject body = new JsonObject()
          .put("status", status)
          .put("broker", check(broker).mergeIn(state(DependencyProbe.BROKER)))
          .put("registry", check(schemas).mergeIn(state(DependencyProbe.REGISTRY)))
          .put("index", new JsonObject().put("status", indexUp ? "UP" : "DOWN")
              .put("caughtUp", indexStatus.caughtUp()).put("recordsRead", indexStatus.recordsRead())
              .put("lag", indexStatus.lag()).put("error", indexStatus.error()));
      ctx.response().setStatusCode(down ? 503 : 200).putHeader("content-type", "application/json").end(body.encode());
    });
  }

  private void record(String dependency, Future<String> check) {
    if (check.succeeded()) {
      health.succeeded(dependency);
    } else {
      health.failed(dependency, String.valueOf(check.cause()));
    }
  }

  private JsonObject state(String dependency) {
    DependencyHealth.State s = health.state(dependency);
    return new JsonObject().put("retries", s.retries()).put("sinceLastSuccessMs",
        s.lastSuccess() == null ? null : java.time.Duration.between(s.lastSuccess(), java.time.Instant.now()).toMillis());
  }

  private static JsonObject check(Future<String> f) {
    return f.succeeded()
        ? new JsonObject().put("status", "UP").put("detail", f.result())
        : new JsonObject().put("status", "DOWN").put("detail", String.valueOf(f.cause()));
  }
}
