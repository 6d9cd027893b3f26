package dev.groundstream.worker;

import dev.groundstream.health.DependencyHealth;
import dev.groundstream.health.DependencyProbe;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.registry.client.SchemaRegistryException;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The worker's view of the broker and the schema registry: a {@link DependencyProbe} asks both
 * every {@link DependencyProbe#DEFAULT_INTERVAL}, and every transaction outcome of the consume loop
 * is recorded too (a commit is a broker success; an aborted one a broker or registry failure,
 * retried by re-reading the batch). /health says DEGRADED while one is failing; the retries are
 * {@code groundstream_worker_dependency_retries_total{dependency}}.
 */
final class WorkerDependencies implements AutoCloseable {
  private final DependencyHealth health =
      new DependencyHealth("grounding-worker", DependencyProbe.BROKER, DependencyProbe.REGISTRY);
  private final DependencyProbe probe;

  WorkerDependencies(WorkerConfig config, WorkerMetrics metrics) {
    var props = config.kafka().clientProperties();
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "grounding-worker-probe." + config.instanceId());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    probe = new DependencyProbe(Admin.create(props), SchemaRegistryClients.shared(config.registry()), health,
        DependencyProbe.DEFAULT_INTERVAL);
    metrics.dependencies(health);
  }

  DependencyHealth health() {
    return health;
  }

  /** A transaction committed: the broker answered. */
  void committed() {
    health.succeeded(DependencyProbe.BROKER);
  }

  /** A transaction was aborted because of {@code failure}; it is retried. */
  void aborted(Throwable failure) {
    health.failed(isRegistry(failure) ? DependencyProbe.REGISTRY : DependencyProbe.BROKER, String.valueOf(failure));
  }

  private static boolean isRegistry(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SchemaRegistryException e && e.errorCode() == SchemaRegistryException.UNREACHABLE) {
        return true;
      }
    }
    return false;
  }

  /** The /health body's status: DOWN when the loop is not running, else UP or DEGRADED. */
  String status(boolean running) {
    return running ? health.status().name() : "DOWN";
  }

  @Override
  public void close() {
    probe.close();
  }

  static Duration interval() {
    return DependencyProbe.DEFAULT_INTERVAL;
  }
}
