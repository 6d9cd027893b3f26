package dev.groundstream.ingest.http;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.health.DependencyHealth;
import dev.groundstream.health.DependencyProbe;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Ingest's view of the broker and the schema registry: a {@link DependencyProbe} on its own admin
 * client asks both every 2 s (so an outage is counted and logged once even when nobody calls
 * /health), and every /health check is recorded too. Retries are
 * {@code ingest_dependency_retries_total{dependency}}.
 */
public final class IngestDependencies implements AutoCloseable {
  private final DependencyHealth health =
      new DependencyHealth("ingest", DependencyProbe.BROKER, DependencyProbe.REGISTRY);
  private final DependencyProbe probe;

  public IngestDependencies(KafkaConnection kafka, SchemaRegistryClient registry, IngestMetrics metrics) {
    var props = kafka.clientProperties();
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-dependency-probe");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    probe = new DependencyProbe(Admin.create(props), registry, health, DependencyProbe.DEFAULT_INTERVAL);
    metrics.dependencies(health);
  }

  public DependencyHealth health() {
    return health;
  }

  @Override
  public void close() {
    probe.close();
  }
}
