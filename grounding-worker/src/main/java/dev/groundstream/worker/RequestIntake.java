package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a worker's requests come from: the live stream ({@link LiveSubscription}) or a bounded
 * range of its history ({@link ReplayCursor}). The worker loop is the same for both; the intake
 * decides which partitions and offsets are read, which records count and when the work is done.
 */
public interface RequestIntake {
  /** The live request stream under the worker's consumer group, starting at {@code start} when the group is new. */
  static RequestIntake live(LiveSubscription.Start start) {
    return new LiveSubscription(start);
  }

  /** The records of {@code range}, then done; {@code progress} follows every commit. */
  static RequestIntake replay(ReplayRange range, ReplayProgress progress) {
    return new ReplayCursor(range, progress);
  }

  /** Consumer settings of this intake (e.g. auto.offset.reset), over the worker's. */
  Map<String, Object> consumerOverrides();

  /** Subscribes or assigns {@code consumer}; a rebalance prunes {@code queue}. */
  void attach(KafkaConsumer<byte[], byte[]> consumer, PendingQueue queue);

  /** Whether a polled record is this intake's to ground (a replay drops what is past its end). */
  boolean accepts(ConsumerRecord<byte[], byte[]> record);

  /** Whether a decoded request is to be grounded; the others are skipped (offset committed, no output). */
  boolean grounds(GroundingRequest request);

  /** True once every record this intake will deliver has been read (never, for the live stream). */
  boolean exhausted(KafkaConsumer<byte[], byte[]> consumer);

  /** The offsets to commit with a batch: per partition, one past its last record. */
  default Map<TopicPartition, OffsetAndMetadata> offsetsAfter(List<GroundedRecord> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (GroundedRecord r : batch) {
      ConsumerRecord<byte[], byte[]> record = r.pending().record();
      offsets.merge(new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1), (a, b) -> a.offset() >= b.offset() ? a : b);
    }
    return offsets;
  }

  /** Called after a batch's transaction committed, with its outcomes and the worker's running total. */
  default void committed(OutcomeCounts batch, OutcomeCounts total) {}

  /** Called once when the loop ends because the intake is exhausted. */
  default void finished(OutcomeCounts total) {}

  /** For the log: what this intake reads. */
  String describe();
}
