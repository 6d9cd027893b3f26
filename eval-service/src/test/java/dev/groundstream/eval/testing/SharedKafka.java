package dev.groundstream.eval.testing;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.testing.KafkaTestCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process KRaft broker and one real schema registry on it for the whole test run: starting
 * them takes seconds, and the tests use distinct application ids, request ids and model names, so
 * sharing is safe. Test classes declare {@code @ExtendWith(SharedKafka.class)}; JUnit closes both
 * once every test has run (the root context's store), before the JVM exits, rather than in a
 * shutdown hook racing the test runner's exit.
 */
public final class SharedKafka implements BeforeAllCallback {
  private static Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedKafka.class, key -> start(), Running.class);
  }

  public static synchronized KafkaTestCluster cluster() {
    return start().cluster;
  }

  public static synchronized RegistryConnection registry() {
    return RegistryConnection.of(start().registry.url());
  }

  private static synchronized Running start() {
    if (running == null) {
      try {
        KafkaTestCluster cluster = KafkaTestCluster.start();
        running = new Running(cluster, SchemaRegistryServer.start(
            SchemaRegistryServerConfig.forBootstrapServers(cluster.bootstrapServers())));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the test Kafka cluster", e);
      }
    }
    return running;
  }

  /** The started pair; closed by JUnit at the end of the run. */
  record Running(KafkaTestCluster cluster, SchemaRegistryServer registry) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      synchronized (SharedKafka.class) {
        registry.close();
        cluster.close();
        running = null;
      }
    }
  }
}
