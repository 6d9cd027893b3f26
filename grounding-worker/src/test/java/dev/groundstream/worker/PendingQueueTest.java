package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Batching and back-pressure decisions of the pending queue, with times passed in (no broker). */
class PendingQueueTest {
  private static final long MS = 1_000_000L;
  private static final TopicPartition P0 = new TopicPartition("grounding.requests", 0);
  private static final TopicPartition P1 = new TopicPartition("grounding.requests", 1);

  private final PendingQueue queue = new PendingQueue(3, Duration.ofMillis(50), 6);

  private static PendingRequest pending(int partition, long offset, long receivedNanos) {
    return new PendingRequest(new ConsumerRecord<>("grounding.requests", partition, offset, new byte[0], new byte[0]),
        receivedNanos, new CompletableFuture<>());
  }

  @Test
  void aBatchIsDueWhenFullOrWhenTheOldestWaitedTheMaxDelay() {
    assertFalse(queue.batchDue(0), "empty");
    queue.add(pending(0, 0, 0));
    queue.add(pending(0, 1, 10 * MS));
    assertFalse(queue.batchDue(49 * MS));
    assertTrue(queue.batchDue(50 * MS), "the oldest waited 50 ms");
    queue.add(pending(0, 2, 20 * MS));
    assertTrue(queue.batchDue(21 * MS), "three = max batch size");
  }

  @Test
  void pollTimeoutIsWhatIsLeftOfTheOldestRecordsDelay() {
    assertEquals(Duration.ofMillis(100), queue.pollTimeout(0, Duration.ofMillis(100)), "idle when empty");
    queue.add(pending(0, 0, 0));
    assertEquals(Duration.ofMillis(30), queue.pollTimeout(20 * MS, Duration.ofMillis(100)));
    assertEquals(Duration.ZERO, queue.pollTimeout(80 * MS, Duration.ofMillis(100)), "overdue: do not block");
    queue.add(pending(0, 1, 20 * MS));
    queue.add(pending(0, 2, 20 * MS));
    assertEquals(Duration.ZERO, queue.pollTimeout(21 * MS, Duration.ofMillis(100)), "a full batch waits: do not block");
  }

  @Test
  void takeBatchTakesAtMostMaxBatchSizeOldestFirst() {
    for (int i = 0; i < 5; i++) {
      queue.add(pending(0, i, i));
    }
    List<PendingRequest> batch = queue.takeBatch();
    assertEquals(List.of(0L, 1L, 2L), batch.stream().map(p -> p.record().offset()).toList());
    assertEquals(2, queue.size());
  }

  @Test
  void batchesAreFormedAcrossPartitions() {
    // one record from each of three partitions fills a batch: the queue does not batch per partition
    queue.add(pending(0, 7, 0));
    queue.add(pending(1, 3, 1));
    queue.add(pending(2, 9, 2));
    queue.add(pending(0, 8, 3));
    assertTrue(queue.batchDue(3), "three records of three partitions are a full batch");
    List<PendingRequest> batch = queue.takeBatch();
    assertEquals(List.of(0, 1, 2), batch.stream().map(p -> p.record().partition()).toList());
    assertEquals(List.of(7L, 3L, 9L), batch.stream().map(p -> p.record().offset()).toList());
  }

  @Test
  void pausesWhenFullAndResumesOnlyWhenHalfEmpty() {
    for (int i = 0; i < 5; i++) {
      queue.add(pending(0, i, 0));
      assertEquals(PendingQueue.Pressure.NONE, queue.pressure());
    }
    queue.add(pending(0, 5, 0));
    assertEquals(PendingQueue.Pressure.PAUSE, queue.pressure(), "6 = capacity");
    assertEquals(PendingQueue.Pressure.NONE, queue.pressure(), "already paused");
    queue.takeBatch(); // 3 left = capacity / 2
    assertEquals(PendingQueue.Pressure.RESUME, queue.pressure());
    assertFalse(queue.isPaused());
  }

  @Test
  void droppingARevokedPartitionCancelsItsPreparations() {
    PendingRequest lost = pending(1, 7, 0);
    queue.add(pending(0, 3, 0));
    queue.add(lost);
    queue.dropPartitions(List.of(P1));
    assertEquals(1, queue.size());
    assertTrue(lost.prepared().isCancelled());
  }

  @Test
  void rewindReturnsTheFirstOffsetPerPartitionOfTheBatchAndEverythingBehindIt() {
    for (int i = 0; i < 6; i++) {
      queue.add(pending(i % 2, 10 + i, 0));
    }
    queue.pressure(); // full: paused
    List<PendingRequest> batch = queue.takeBatch(); // offsets 10 (P0), 11 (P1), 12 (P0)
    PendingRequest behind = pending(1, 40, 0);
    queue.add(behind);
    Map<TopicPartition, Long> seekTo = queue.rewind(batch);
    assertEquals(Map.of(P0, 10L, P1, 11L), seekTo);
    assertTrue(queue.isEmpty());
    assertTrue(behind.prepared().isCancelled(), "work queued behind the batch is dropped, it is re-read");
    assertFalse(queue.isPaused(), "an empty queue is not full");
  }
}
