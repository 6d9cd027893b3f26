package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The replay cursor's offset arithmetic, without a broker. */
class ReplayBoundsTest {
  private static final TopicPartition P0 = new TopicPartition("grounding.requests", 0);
  private static final TopicPartition P1 = new TopicPartition("grounding.requests", 1);

  private final ReplayBounds bounds = new ReplayBounds(Map.of(P0, 10L, P1, 0L), Map.of(P0, 25L, P1, 4L));

  @Test
  void spanCountsOffsetsFromStartInclusiveToStopExclusive() {
    assertEquals(15 + 4, bounds.span());
    assertEquals(0, new ReplayBounds(Map.of(P0, 7L), Map.of(P0, 3L)).span(), "a stop before the start is empty");
  }

  @Test
  void containsOnlyOffsetsInsideTheRange() {
    assertFalse(bounds.contains(P0, 9));
    assertTrue(bounds.contains(P0, 10));
    assertTrue(bounds.contains(P0, 24));
    assertFalse(bounds.contains(P0, 25), "the stop offset is past the end");
    assertFalse(bounds.contains(new TopicPartition("grounding.requests", 2), 0), "unknown partition");
  }

  @Test
  void aPartitionIsFinishedOnceThePositionReachesItsStop() {
    assertFalse(bounds.finished(P0, 24));
    assertTrue(bounds.finished(P0, 25));
    assertTrue(bounds.finished(P1, 30));
  }

  @Test
  void resumingStartsAtTheCommittedOffsetAndKeepsTheStoredStop() {
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    // the first run's stop was 20 (it ran before more records arrived): the resumed run ends there too
    committed.put(P0, new OffsetAndMetadata(17, "replay-stop=20"));
    committed.put(P1, null); // nothing committed on P1 yet
    ReplayBounds resumed = bounds.resumedFrom(committed);
    assertEquals(17L, resumed.start().get(P0));
    assertEquals(20L, resumed.stop().get(P0));
    assertEquals(0L, resumed.start().get(P1));
    assertEquals(4L, resumed.stop().get(P1));
    assertEquals(3 + 4, resumed.span());
  }

  @Test
  void aCommitBeforeTheRangeOrPastItsStopIsClamped() {
    ReplayBounds early = bounds.resumedFrom(Map.of(P0, new OffsetAndMetadata(2)));
    assertEquals(10L, early.start().get(P0), "never before the range's start");
    ReplayBounds late = bounds.resumedFrom(Map.of(P0, new OffsetAndMetadata(99)));
    assertEquals(25L, late.start().get(P0), "never past the stop");
    assertEquals(4, late.span());
  }

  @Test
  void commitsCarryTheStopAndItReadsBack() {
    OffsetAndMetadata commit = bounds.commitAfter(P0, 12);
    assertEquals(13, commit.offset(), "the next offset to read");
    assertEquals(OptionalLong.of(25), ReplayBounds.storedStop(commit.metadata()));
    assertEquals(OptionalLong.empty(), ReplayBounds.storedStop(""));
    assertEquals(OptionalLong.empty(), ReplayBounds.storedStop("replay-stop=x"));
  }

  @Test
  void startAndStopMustNameTheSamePartitions() {
    assertThrows(IllegalArgumentException.class, () -> new ReplayBounds(Map.of(P0, 0L), Map.of(P1, 1L)));
  }
}
