package dev.groundstream.schemas.registry.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the registry topic exists as a compacted single-partition topic. One partition gives
 * every instance the same total order of records, which the race rules depend on; compaction keeps
 * the latest value of every key forever.
 */
final class RegistryTopic {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryTopic.class);
  private static final long TIMEOUT_SECONDS = 60;

  private RegistryTopic() {}

  static void ensure(Admin admin, String topic) {
    try {
      create(admin, topic);
      verifyOnceVisible(admin, topic);
    } catch (ExecutionException e) {
      throw RegistryException.storeError(
          "Cannot prepare registry topic " + topic + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw RegistryException.timeout("Timed out preparing registry topic " + topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted preparing registry topic " + topic, e);
    }
  }

  private static void create(Admin admin, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(newTopic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.info("Created registry topic {} (compacted, 1 partition)", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /**
   * A freshly created topic is not described by every broker at once: metadata propagates
   * asynchronously, so "unknown topic" right after creation means "not yet", not "absent".
   */
  private static void verifyOnceVisible(Admin admin, String topic)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      try {
        verify(admin, topic);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void verify(Admin admin, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
    if (description.partitions().size() != 1) {
      throw RegistryException.storeError("Registry topic " + topic + " has "
          + description.partitions().size() + " partitions; it must have exactly 1", null);
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
    String cleanup = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
        || cleanup.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
      throw RegistryException.storeError("Registry topic " + topic + " has cleanup.policy="
          + cleanup + "; it must be compact, or old schemas would expire", null);
    }
  }
}
