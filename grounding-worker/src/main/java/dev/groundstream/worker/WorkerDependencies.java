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
 * is recorded as {@code writes} (an aborted one, retried by re-reading the batch, is a writes
 * failure, or a registry failure when the registry was unreachable). /health says DEGRADED while one is failing; the retries are
 * {@code groundstream_worker_dependency_retries_total{dependency}}.
 */
final class WorkerDependencies implements AutoCloseable {
  /** Transaction commits: failing while the probe still reaches a broker (e.g. too few in-sync replicas). */
  static final String WRITES = "writes";
  private final DependencyHealth health =
      new DependencyHealth("grounding-worker", DependencyProbe.BROKER, DependencyProbe.REGISTRY, WRITES);
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

  /** A transaction committed. */
  void committed() {
    health.succeeded(WRITES);
  }

  /** A transaction was aborted because of {@code failure}; the batch is re-read and retried. */
  void aborted(Throwable failure) {
    health.failed(dependencyOf(failure), String.valueOf(failure));
  }

  /** registry when the registry was unreachable (a result schema id not cached yet), else writes. */
  static String dependencyOf(Throwable failure) {
    return isRegistry(failure) ? DependencyProbe.REGISTRY : WRITES;
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
