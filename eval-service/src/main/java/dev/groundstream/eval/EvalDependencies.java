package dev.groundstream.eval;

import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.health.DependencyHealth;
import dev.groundstream.health.DependencyProbe;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The eval service's view of the broker and the schema registry: a {@link DependencyProbe} asks
 * both every 2 s (Kafka Streams itself keeps retrying a lost broker while it stays RUNNING, so its
 * state alone would not show the outage). /health says DEGRADED while one fails; retries are
 * {@code groundstream_eval_dependency_retries_total{dependency}}; one log line per state change.
 */
final class EvalDependencies implements AutoCloseable {
  private final DependencyHealth health =
      new DependencyHealth("eval-service", DependencyProbe.BROKER, DependencyProbe.REGISTRY);
  private final DependencyProbe probe;

  EvalDependencies(EvalConfig config, MeterRegistry metrics) {
    var props = config.kafka().clientProperties();
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "eval-dependency-probe");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    probe = new DependencyProbe(Admin.create(props), SchemaRegistryClients.shared(config.registry()), health,
        DependencyProbe.DEFAULT_INTERVAL);
    for (String dependency : health.dependencies()) {
      FunctionCounter.builder("groundstream_eval_dependency_retries", health, h -> h.retries(dependency))
          .tag("dependency", dependency)
          .description("Failed attempts against a dependency (broker, registry)").register(metrics);
    }
  }

  DependencyHealth health() {
    return health;
  }

  @Override
  public void close() {
    probe.close();
  }
}
