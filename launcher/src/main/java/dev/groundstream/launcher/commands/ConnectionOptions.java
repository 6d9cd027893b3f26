package dev.groundstream.launcher.commands;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import picocli.CommandLine.Option;

/**
 * Flags that point a command at an existing cluster; unset flags fall back to the
 * GROUNDSTREAM_KAFKA_* and GROUNDSTREAM_REGISTRY_* environment.
 */
public final class ConnectionOptions {
  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (env GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(names = "--registry-url", description = "Schema registry URL (env GROUNDSTREAM_REGISTRY_URL).")
  String registryUrl;

  public boolean pointsAtExistingCluster() {
    return bootstrapServers != null || registryUrl != null;
  }

  public KafkaConnection kafka() {
    KafkaConnection fromEnv = KafkaConnection.fromEnvironment(System.getenv());
    return bootstrapServers == null ? fromEnv : fromEnv.withBootstrapServers(bootstrapServers);
  }

  public RegistryConnection registry() {
    RegistryConnection fromEnv = RegistryConnection.fromEnvironment(System.getenv());
    return registryUrl == null ? fromEnv : fromEnv.withUrl(registryUrl);
  }
}
