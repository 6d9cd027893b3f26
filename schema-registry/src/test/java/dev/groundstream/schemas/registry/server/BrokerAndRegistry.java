package dev.groundstream.schemas.registry.server;

import dev.groundstream.testing.KafkaTestCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process KRaft broker and our registry over it, for all tests of a class:
 * {@code @RegisterExtension static final BrokerAndRegistry STACK = new BrokerAndRegistry();}.
 * Started before the class's own {@code @BeforeAll} methods, closed (registry first) after them.
 */
public final class BrokerAndRegistry implements BeforeAllCallback, AfterAllCallback {
  private KafkaTestCluster kafka;
  private SchemaRegistryServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    kafka = KafkaTestCluster.start();
    server = SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (kafka != null) {
        kafka.close();
      }
      server = null;
      kafka = null;
    }
  }

  public KafkaTestCluster kafka() {
    return require(kafka);
  }

  public SchemaRegistryServer server() {
    return require(server);
  }

  private static <T> T require(T started) {
    if (started == null) {
      throw new IllegalStateException("BrokerAndRegistry is not started: register it as a static @RegisterExtension field");
    }
    return started;
  }
}
