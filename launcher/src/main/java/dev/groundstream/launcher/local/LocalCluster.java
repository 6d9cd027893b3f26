package dev.groundstream.launcher.local;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.launcher.kafka.EmbeddedKafkaBroker;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.TopicSpec;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.RestSchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure of the all-in-one local mode: an embedded KRaft broker with its data under
 * {@code dataDir}, our schema registry on it, the topics of the catalog and their schemas. A second
 * start on the same data dir finds everything where the first left it.
 */
public final class LocalCluster implements ClusterConnections {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

  private final EmbeddedKafkaBroker broker;
  private final SchemaRegistryServer registry;

  /** Where the local DuckDB sink dead-letters records it cannot write. */
  public static final String CONNECT_DLQ = "grounding.connect.dlq";

  private LocalCluster(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
    this.broker = broker;
    this.registry = registry;
  }

  /** Ports 0 pick free ones. */
  public static LocalCluster start(Path dataDir, int kafkaPort, int registryPort) throws InterruptedException {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, "127.0.0.1", kafkaPort);
    SchemaRegistryServer registry = null;
    try (Admin admin = Admin.create(KafkaConnection.of(broker.bootstrapServers()).clientProperties())) {
      List<String> created = TopicCreator.createMissing(admin, Topics.ALL);
      LOG.info("Topics created: {}", created.isEmpty() ? "none (all existed)" : created);
      createConnectDeadLetterTopic(admin);
      registry = SchemaRegistryServer.start(new SchemaRegistryServerConfig(
          KafkaConnection.of(broker.bootstrapServers()).clientProperties(),
          SchemaRegistryServerConfig.DEFAULT_TOPIC, "127.0.0.1", registryPort));
      registerTopicSchemas(new RestSchemaRegistryClient(RegistryConnection.of(registry.url())));
      return new LocalCluster(broker, registry);
    } catch (RuntimeException | InterruptedException e) {
      if (registry != null) {
        registry.close();
      }
      broker.close();
      throw e;
    }
  }

  /**
   * The DuckDB sink's dead-letter topic (raw Connect records, not in the Avro catalog), created
   * up front so Connect does not log an ERROR on every first start while it creates it itself.
   */
  private static void createConnectDeadLetterTopic(Admin admin) {
    try {
      admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(CONNECT_DLQ, 1, (short) 1)))
          .all().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
        throw new IllegalStateException("cannot create " + CONNECT_DLQ + ": " + e.getCause(), e.getCause());
      }
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot create " + CONNECT_DLQ + ": " + e, e);
    }
  }

  /** Registering is idempotent: a restart gets the same ids back. */
  private static void registerTopicSchemas(SchemaRegistryClient registry) {
    for (TopicSpec<?, ?> topic : Topics.ALL) {
      registry.register(topic.keySubject(), topic.keySchema());
      registry.register(topic.valueSubject(), topic.valueSchema());
    }
  }

  public KafkaConnection kafka() {
    return KafkaConnection.of(broker.bootstrapServers());
  }

  public RegistryConnection registry() {
    return RegistryConnection.of(registry.url());
  }

  /** Stops the registry before the broker it stores its state in. */
  @Override
  public void close() {
    registry.close();
    broker.close();
  }
}
