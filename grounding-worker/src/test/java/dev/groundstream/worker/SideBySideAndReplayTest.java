package dev.groundstream.worker;

import static dev.groundstream.worker.WorkerTestKit.grayRequest;
import static dev.groundstream.worker.WorkerTestKit.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two model versions consume the same requests in their own consumer groups and produce two
 * independent result sets; then a replay of a time range through a fresh group stops at its end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SideBySideAndReplayTest {
  static WorkerTestKit kit;
  static final Instant BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  @BeforeAll
  static void start() throws Exception {
    kit = WorkerTestKit.start();
  }

  @AfterAll
  static void stop() throws Exception {
    kit.close();
  }

  @Test
  @Order(1)
  void twoVersionsProduceIndependentResultSets() throws Exception {
    Map<UUID, Integer> grayOf = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      grayOf.put(id("side", i), 20 + 5 * i);
      kit.send(grayRequest(id("side", i), 20 + 5 * i), BASE.toEpochMilli() + i);
    }
    try (GroundingWorker v1 = GroundingWorker.start(kit.config("fake-detector"));
        GroundingWorker v2 = GroundingWorker.start(kit.config("fake-detector-v2"))) {
      assertEquals("grounding-worker.fake-detector.1.0.0", v1.groupId());
      assertEquals("grounding-worker.fake-detector.2.0.0", v2.groupId());
      List<GroundingResult> results = kit.readResults(r -> r.size() >= 40, Duration.ofSeconds(60));
      Map<String, List<GroundingResult>> byVersion = results.stream()
          .collect(Collectors.groupingBy(r -> r.getModel().getVersion()));
      assertEquals(Set.of("1.0.0", "2.0.0"), byVersion.keySet());
      for (List<GroundingResult> set : byVersion.values()) {
        assertEquals(grayOf.keySet(), set.stream().map(GroundingResult::getRequestId).collect(Collectors.toSet()));
        assertEquals(20, set.size());
        for (GroundingResult r : set) {
          GroundingWorkerPipelineTest.assertBoxes(FakeDetectorExpectations.dogPhrase(grayOf.get(r.getRequestId())),
              r.getPhrases().get(1).getBoxes());
        }
      }
      // same weights, different card: the digest tells the two exports apart
      assertNotEquals(byVersion.get("1.0.0").get(0).getModel().getDigest(),
          byVersion.get("2.0.0").get(0).getModel().getDigest());
    }
  }

  @Test
  @Order(2)
  void replayProcessesExactlyTheRequestsOfItsTimeRange() throws Exception {
    // 30 more requests, one per second of event time, after the first test's
    Instant start = BASE.plus(Duration.ofMinutes(10));
    for (int i = 0; i < 30; i++) {
      kit.send(grayRequest(id("replay", i), 100), start.plusSeconds(i).toEpochMilli());
    }
    List<long[]> progress = new ArrayList<>();
    // [start + 5 s, start + 25 s): requests 5..24
    ReplayRange range = new ReplayRange(Optional.of(start.plusSeconds(5)), Optional.of(start.plusSeconds(25)));
    try (GroundingWorker replay = GroundingWorker.startReplay(kit.config("fake-detector-v2"), range,
        (done, total) -> {
          synchronized (progress) {
            progress.add(new long[] {done, total});
          }
        })) {
      assertTrue(replay.awaitFinished(Duration.ofSeconds(60)), "replay stops by itself at its end time");
      assertEquals(null, replay.failure());
      assertTrue(replay.groupId().startsWith("grounding-worker.fake-detector.2.0.0.replay-"), replay.groupId());
    }
    List<GroundingResult> results = kit.readResults(r -> r.size() >= 60, Duration.ofSeconds(30));
    Set<UUID> replayed = new HashSet<>();
    for (GroundingResult r : results) {
      for (int i = 0; i < 30; i++) {
        if (r.getRequestId().equals(id("replay", i))) {
          assertTrue(replayed.add(r.getRequestId()), "one result per replayed request");
        }
      }
    }
    Set<UUID> expected = new HashSet<>();
    for (int i = 5; i < 25; i++) {
      expected.add(id("replay", i));
    }
    assertEquals(expected, replayed);
    assertEquals(60, results.size(), "40 from the side-by-side run + 20 replayed, nothing else");
    long[] last = progress.get(progress.size() - 1);
    assertEquals(20, last[1], "total");
    assertEquals(20, last[0], "done");
  }
}
