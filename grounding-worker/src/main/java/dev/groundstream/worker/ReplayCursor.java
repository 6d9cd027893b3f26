package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.schemas.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A replay as an intake: assigns every partition of grounding.requests, seeks to the range's start
 * (or to where the group's last run committed) and is exhausted once each partition is read up to
 * the range's stop. Progress counts committed outcomes, not read offsets.
 */
final class ReplayCursor implements RequestIntake {
  private final ReplayRange range;
  private final ReplayProgress progress;
  private ReplayBounds bounds;

  ReplayCursor(ReplayRange range, ReplayProgress progress) {
    this.range = range;
    this.progress = progress == null ? (done, total) -> {} : progress;
  }

  @Override
  public Map<String, Object> consumerOverrides() {
    return Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
  }

  @Override
  public void attach(KafkaConsumer<byte[], byte[]> consumer, PendingQueue queue) {
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUESTS).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> start = range.from().isPresent()
        ? offsetsAt(consumer, partitions, range.from().get(), ends) : consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> stop = range.to().isPresent() ? offsetsAt(consumer, partitions, range.to().get(), ends)
        : ends;
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
    bounds = new ReplayBounds(start, stop).resumedFrom(committed);
    bounds.start().forEach(consumer::seek);
    progress.onProgress(0, bounds.span());
  }

  /** Per partition, the first offset at or after {@code time}; the end offset when there is none. */
  private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions, Instant time, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, time.toEpochMilli()));
    Map<TopicPartition, Long> out = new HashMap<>();
    consumer.offsetsForTimes(query).forEach((tp, found) -> out.put(tp, found == null ? ends.get(tp) : found.offset()));
    return out;
  }

  @Override
  public boolean accepts(ConsumerRecord<byte[], byte[]> record) {
    return bounds.contains(new TopicPartition(record.topic(), record.partition()), record.offset());
  }

  @Override
  public boolean grounds(GroundingRequest request) {
    return range.includes(request);
  }

  /** Also pauses each finished partition: nothing more to fetch from it in this replay. */
  @Override
  public boolean exhausted(KafkaConsumer<byte[], byte[]> consumer) {
    boolean all = true;
    for (TopicPartition tp : bounds.stop().keySet()) {
      if (!bounds.finished(tp, consumer.position(tp))) {
        all = false;
      } else if (!consumer.paused().contains(tp)) {
        consumer.pause(List.of(tp));
      }
    }
    return all;
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> offsetsAfter(List<GroundedRecord> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    RequestIntake.super.offsetsAfter(batch).forEach((tp, next) -> offsets.put(tp, bounds.commitAfter(tp, next.offset() - 1)));
    return offsets;
  }

  @Override
  public void committed(OutcomeCounts batch, OutcomeCounts total) {
    // offsets in range can exceed records (transaction markers), so the total never goes below done
    progress.onProgress(total.total(), Math.max(bounds.span(), total.total()));
  }

  @Override
  public void finished(OutcomeCounts total) {
    progress.onProgress(total.total(), total.total());
  }

  @Override
  public String describe() {
    return "replay of " + Topics.REQUESTS + " " + range.from().map(Object::toString).orElse("beginning") + " -> "
        + range.to().map(Object::toString).orElse("end") + range.dataset().map(d -> ", dataset " + d + " only").orElse("")
        + (bounds == null ? "" : ": " + bounds.span() + " offsets");
  }

  /** The resolved offsets (after {@link #attach}). */
  Optional<ReplayBounds> bounds() {
    return Optional.ofNullable(bounds);
  }
}
