package dev.groundstream.launcher.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** A consumer group's lag on one topic: committed offsets against the last stable offsets. */
public final class ConsumerLag implements AutoCloseable {
  private final Admin admin;
  private final String group;
  private final List<TopicPartition> partitions;

  public ConsumerLag(Map<String, Object> clientProperties, String group, String topic)
      throws ExecutionException, InterruptedException {
    this.admin = Admin.create(clientProperties);
    this.group = group;
    this.partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  /** Records written (committed transactions only) but not yet committed as consumed by the group. */
  public long now() throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get();
    // Why read_committed ends: transaction markers would otherwise count as one phantom record each.
    var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
    long lag = 0;
    for (TopicPartition p : partitions) {
      OffsetAndMetadata c = committed.get(p);
      lag += Math.max(0, ends.get(p).offset() - (c == null ? 0 : c.offset()));
    }
    return lag;
  }

  @Override
  public void close() {
    admin.close();
  }
}
