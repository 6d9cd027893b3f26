package dev.groundstream.launcher.local;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;

/**
 * A Kafka cluster and registry that already run (--bootstrap-servers / --registry-url): the local
 * mode creates the missing topics there and leaves the cluster running when it stops.
 */
public record ExistingCluster(KafkaConnection kafka, RegistryConnection registry) implements ClusterConnections {

  public static ExistingCluster prepare(KafkaConnection kafka, RegistryConnection registry) throws InterruptedException {
    try (Admin admin = Admin.create(kafka.clientProperties())) {
      TopicCreator.createMissing(admin, Topics.ALL);
    }
    return new ExistingCluster(kafka, registry);
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
