package dev.groundstream.launcher.local;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;

/** Where the local mode's services find Kafka and the registry: embedded, or a cluster that exists. */
public interface ClusterConnections extends AutoCloseable {
  KafkaConnection kafka();

  RegistryConnection registry();

  @Override
  void close();
}
