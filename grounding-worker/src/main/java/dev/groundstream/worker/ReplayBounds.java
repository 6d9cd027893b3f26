package dev.groundstream.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A replay's offsets per partition: from {@code start} (inclusive) to {@code stop} (exclusive).
 * Pure arithmetic over maps, so it is tested without a broker. The stop offset travels in the
 * committed offsets' metadata, so a resumed replay ends where the first run would have.
 */
record ReplayBounds(Map<TopicPartition, Long> start, Map<TopicPartition, Long> stop) {
  private static final String STOP_PREFIX = "replay-stop=";

  ReplayBounds {
    start = Map.copyOf(start);
    stop = Map.copyOf(stop);
    if (!start.keySet().equals(stop.keySet())) {
      throw new IllegalArgumentException("start and stop must name the same partitions");
    }
  }

  /** Offsets in the range, over all partitions (records, plus any transaction markers among them). */
  long span() {
    long total = 0;
    for (var e : stop.entrySet()) {
      total += Math.max(0, e.getValue() - start.get(e.getKey()));
    }
    return total;
  }

  boolean contains(TopicPartition tp, long offset) {
    Long from = start.get(tp);
    return from != null && offset >= from && offset < stop.get(tp);
  }

  /** Whether the consumer, at {@code position}, has read everything of {@code tp} in range. */
  boolean finished(TopicPartition tp, long position) {
    Long end = stop.get(tp);
    return end == null || position >= end;
  }

  /**
   * Continues a replay under a group that already committed: each partition starts at its committed
   * offset (never before this range's start, never past its stop), and ends at the stop stored with
   * that commit when there is one.
   */
  ReplayBounds resumedFrom(Map<TopicPartition, OffsetAndMetadata> committed) {
    Map<TopicPartition, Long> newStart = new HashMap<>(start);
    Map<TopicPartition, Long> newStop = new HashMap<>(stop);
    committed.forEach((tp, offset) -> {
      if (offset == null || !start.containsKey(tp)) {
        return;
      }
      storedStop(offset.metadata()).ifPresent(s -> newStop.put(tp, s));
      newStart.put(tp, Math.min(Math.max(start.get(tp), offset.offset()), newStop.get(tp)));
    });
    return new ReplayBounds(newStart, newStop);
  }

  /** The offset to commit after {@code offset}'s record, carrying this range's stop. */
  OffsetAndMetadata commitAfter(TopicPartition tp, long offset) {
    return new OffsetAndMetadata(offset + 1, STOP_PREFIX + stop.get(tp));
  }

  static OptionalLong storedStop(String metadata) {
    if (metadata == null || !metadata.startsWith(STOP_PREFIX)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(metadata.substring(STOP_PREFIX.length())));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
