package dev.groundstream.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft cluster of {@code brokers} broker nodes (ids 0..n-1) and one separate controller in
 * this JVM, replicated as production clusters are: every topic created with the broker default
 * gets replication factor {@code brokers} (at most 3) and {@code min.insync.replicas} 2, and so do
 * the consumer-offsets and transaction-state topics. Brokers can be stopped and started again to
 * move partition leadership; the controller quorum stays up.
 */
public final class MultiBrokerCluster implements AutoCloseable {
  private final KafkaClusterTestKit kit;
  private final Set<Integer> stopped = new TreeSet<>();

  private MultiBrokerCluster(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  public static MultiBrokerCluster start(int brokers) throws Exception {
    if (brokers < 3) {
      throw new IllegalArgumentException("min.insync.replicas 2 through a broker failure needs at least 3 brokers");
    }
    String replication = Integer.toString(Math.min(3, brokers));
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
        .setCombined(false)
        .setNumBrokerNodes(brokers)
        .setNumControllerNodes(1)
        .build();
    KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
        .setConfigProp("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024))
        .setConfigProp("default.replication.factor", replication)
        .setConfigProp("min.insync.replicas", "2")
        .setConfigProp("offsets.topic.replication.factor", replication)
        .setConfigProp("offsets.topic.num.partitions", "3")
        .setConfigProp("transaction.state.log.replication.factor", replication)
        .setConfigProp("transaction.state.log.min.isr", "2")
        .setConfigProp("transaction.state.log.num.partitions", "3")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .setConfigProp("unclean.leader.election.enable", "false")
        .build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
    } catch (Exception e) {
      kit.close();
      throw e;
    }
    return new MultiBrokerCluster(kit);
  }

  public String bootstrapServers() {
    return kit.bootstrapServers();
  }

  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  public Set<Integer> brokerIds() {
    return kit.brokers().keySet();
  }

  /** The current leader of a partition, as the cluster's metadata says. */
  public int leaderOf(String topic, int partition) throws Exception {
    try (Admin admin = admin()) {
      TopicDescription d = admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      TopicPartitionInfo info = d.partitions().get(partition);
      if (info.leader() == null) {
        throw new IllegalStateException(topic + "-" + partition + " has no leader");
      }
      return info.leader().id();
    }
  }

  /** The replication factor and in-sync replica count of a partition. */
  public int[] replicasAndIsr(String topic, int partition) throws Exception {
    try (Admin admin = admin()) {
      TopicPartitionInfo info = admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic).partitions().get(partition);
      return new int[] {info.replicas().size(), info.isr().size()};
    }
  }

  /** Shuts a broker down (its partitions' leadership moves to the other in-sync replicas). */
  public synchronized void stopBroker(int id) {
    var broker = kit.brokers().get(id);
    broker.shutdown();
    broker.awaitShutdown();
    stopped.add(id);
  }

  /** Starts a stopped broker again on its data; it catches up and rejoins the ISR. */
  public synchronized void startBroker(int id) {
    kit.brokers().get(id).startup();
    stopped.remove(id);
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }
}
