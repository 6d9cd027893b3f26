package dev.groundstream.worker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumed records waiting for their batch, oldest first. Decides when a batch is due (max batch
 * size or max queue delay, whichever first) and when the consumer must pause (queue full) or may
 * resume (half empty). Times are passed in, so it runs without a clock or a broker in tests.
 */
final class PendingQueue {
  /** What the consumer must do after the queue changed. */
  enum Pressure { NONE, PAUSE, RESUME }

  private final ArrayDeque<PendingRequest> pending = new ArrayDeque<>();
  private final int maxBatchSize;
  private final long maxDelayNanos;
  private final int capacity;
  private boolean paused;

  PendingQueue(int maxBatchSize, Duration maxQueueDelay, int capacity) {
    if (maxBatchSize < 1 || capacity < 1) {
      throw new IllegalArgumentException("batch size and capacity must be positive");
    }
    this.maxBatchSize = maxBatchSize;
    this.maxDelayNanos = maxQueueDelay.toNanos();
    this.capacity = capacity;
  }

  void add(PendingRequest request) {
    pending.add(request);
  }

  int size() {
    return pending.size();
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  boolean isPaused() {
    return paused;
  }

  /**
   * How long the next poll may block: not at all when a full batch waits, else until the oldest
   * record's delay runs out, or {@code idle} when nothing waits.
   */
  Duration pollTimeout(long nowNanos, Duration idle) {
    if (pending.isEmpty()) {
      return idle;
    }
    if (pending.size() >= maxBatchSize) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(0, maxDelayNanos - (nowNanos - pending.peek().receivedNanos())));
  }

  /** A full batch is waiting, or the oldest record has waited the max queue delay. */
  boolean batchDue(long nowNanos) {
    return !pending.isEmpty()
        && (pending.size() >= maxBatchSize || nowNanos - pending.peek().receivedNanos() >= maxDelayNanos);
  }

  /** Up to max batch size records, oldest first. */
  List<PendingRequest> takeBatch() {
    List<PendingRequest> batch = new ArrayList<>();
    while (!pending.isEmpty() && batch.size() < maxBatchSize) {
      batch.add(pending.poll());
    }
    return batch;
  }

  /** Pause when full, resume when half empty (hysteresis, so the consumer does not flap). */
  Pressure pressure() {
    if (!paused && pending.size() >= capacity) {
      paused = true;
      return Pressure.PAUSE;
    }
    if (paused && pending.size() <= capacity / 2) {
      paused = false;
      return Pressure.RESUME;
    }
    return Pressure.NONE;
  }

  /** Drops (and cancels the preparation of) the records of partitions this worker lost. */
  void dropPartitions(Collection<TopicPartition> revoked) {
    pending.removeIf(p -> {
      boolean drop = revoked.contains(partition(p));
      if (drop) {
        p.prepared().cancel(false);
      }
      return drop;
    });
  }

  /**
   * After an aborted transaction: empties the queue and returns, per partition, the first offset of
   * {@code batch} and of everything queued behind it — where the consumer must seek to re-read.
   * The queue is no longer full, so it is no longer paused either.
   */
  Map<TopicPartition, Long> rewind(List<PendingRequest> batch) {
    Map<TopicPartition, Long> first = new HashMap<>();
    List<PendingRequest> all = new ArrayList<>(batch);
    all.addAll(pending);
    for (PendingRequest p : all) {
      first.merge(partition(p), p.record().offset(), Math::min);
    }
    pending.forEach(p -> p.prepared().cancel(false));
    pending.clear();
    paused = false;
    return first;
  }

  private static TopicPartition partition(PendingRequest p) {
    return new TopicPartition(p.record().topic(), p.record().partition());
  }
}
