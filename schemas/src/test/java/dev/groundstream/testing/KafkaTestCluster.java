package dev.groundstream.testing;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft Kafka cluster in this JVM for integration tests, built on Kafka's own
 * {@link KafkaClusterTestKit}. Start one per test class; {@link #close()} deletes its data.
 */
public final class KafkaTestCluster implements AutoCloseable {
  private final KafkaClusterTestKit kit;

  private KafkaTestCluster(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  /** Formats and starts a combined broker+controller node and waits until it serves requests. */
  public static KafkaTestCluster start() throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
        .setCombined(true)
        .setNumBrokerNodes(1)
        .setNumControllerNodes(1)
        .build();
    KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
        // The log cleaner otherwise reserves 128 MiB of heap for compacted topics.
        .setConfigProp("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024))
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    kit.format();
    kit.startup();
    kit.waitForReadyBrokers();
    return new KafkaTestCluster(kit);
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  /** Client properties pointing at this cluster. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
