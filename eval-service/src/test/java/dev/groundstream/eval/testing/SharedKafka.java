package dev.groundstream.eval.testing;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.testing.KafkaTestCluster;

/**
 * One in-process KRaft broker and one real schema registry on it for the whole test JVM: starting
 * them takes seconds, and the tests use distinct application ids and request ids, so sharing is
 * safe. Closed by a shutdown hook.
 */
public final class SharedKafka {
  private static KafkaTestCluster cluster;
  private static SchemaRegistryServer registry;

  private SharedKafka() {}

  public static synchronized KafkaTestCluster cluster() {
    start();
    return cluster;
  }

  public static synchronized RegistryConnection registry() {
    start();
    return RegistryConnection.of(registry.url());
  }

  private static void start() {
    if (cluster != null) {
      return;
    }
    try {
      cluster = KafkaTestCluster.start();
      registry = SchemaRegistryServer.start(
          SchemaRegistryServerConfig.forBootstrapServers(cluster.bootstrapServers()));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test Kafka cluster", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        registry.close();
        cluster.close();
      } catch (Exception ignored) {
        // the JVM is exiting
      }
    }));
  }
}
