package dev.groundstream.worker;

import static dev.groundstream.worker.WorkerTestKit.grayRequest;
import static dev.groundstream.worker.WorkerTestKit.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.GroundingRequest;
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
 * independent result sets; then a replay of a time range through a fresh group stops at its end;
 * then a replay restricted to one dataset grounds only that dataset's requests.
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

  @Test
  @Order(3)
  void replayWithADatasetGroundsOnlyThatDatasetAndProgressReachesTheTotal() throws Exception {
    String wanted = "flickr30k-entities/test";
    String other = "refcoco/val";
    byte[] notAnImage = {1, 2, 3, 4};
    Instant start = BASE.plus(Duration.ofMinutes(20));
    // 12 requests, one per second, datasets alternating: even -> wanted, odd -> other. Odd 1 and 3
    // carry undecodable images: skipped before the image decode, they must not reach the DLQ.
    // Even 10 (wanted) is undecodable too: the filter must not swallow a real failure.
    Set<UUID> expected = new HashSet<>();
    UUID wantedButBroken = id("dataset", 10);
    for (int i = 0; i < 12; i++) {
      boolean broken = i == 1 || i == 3 || i == 10;
      GroundingRequest request = broken
          ? WorkerTestKit.request(id("dataset", i), WorkerTestKit.inline(notAnImage, 64, 32))
          : grayRequest(id("dataset", i), 100);
      request.setDataset(i % 2 == 0 ? wanted : other);
      kit.send(request, start.plusSeconds(i).toEpochMilli());
      if (i % 2 == 0 && !broken) {
        expected.add(id("dataset", i));
      }
    }
    List<long[]> progress = new ArrayList<>();
    ReplayRange range = new ReplayRange(Optional.of(start), Optional.of(start.plusSeconds(12)), Optional.of(wanted));
    GroundingWorker replay = GroundingWorker.startReplay(kit.config("fake-detector-v2"), range,
        (done, total) -> {
          synchronized (progress) {
            progress.add(new long[] {done, total});
          }
        });
    try (replay) {
      assertTrue(replay.awaitFinished(Duration.ofSeconds(60)), "replay stops by itself at its end time");
      assertEquals(null, replay.failure());
    }
    // 60 results from the earlier tests + 5 good requests of the wanted dataset
    List<GroundingResult> results = kit.readResults(r -> r.size() >= 65, Duration.ofSeconds(30));
    assertEquals(65, results.size(), "only the wanted dataset's requests are grounded, once each");
    Set<UUID> replayed = new HashSet<>();
    for (GroundingResult r : results) {
      for (int i = 0; i < 12; i++) {
        if (r.getRequestId().equals(id("dataset", i))) {
          assertTrue(replayed.add(r.getRequestId()), "one result per replayed request");
          assertEquals(wanted, r.getDataset());
        }
      }
    }
    assertEquals(expected, replayed);
    // the wanted dataset's broken image is a dead letter as usual; the skipped broken ones are not
    List<DeadLetter> dead = kit.readDeadLetters(d -> !d.isEmpty(), Duration.ofSeconds(30));
    assertEquals(List.of(wantedButBroken.toString()),
        dead.stream().map(d -> d.getAttributes().get("requestId")).toList());
    assertEquals(6, replay.metrics().skippedCount(), "the other dataset's 6 requests were skipped");
    assertEquals(12, replay.metrics().requestCount(), "skipped requests are committed too");
    // The loop always reports (total, total) when it ends; the report before that comes from the
    // last committed batch and must already count the skipped requests as done.
    synchronized (progress) {
      assertTrue(progress.size() >= 2, "at least one committed batch and the final report");
      long[] lastCommit = progress.get(progress.size() - 2);
      long[] last = progress.get(progress.size() - 1);
      assertEquals(12, lastCommit[1], "total: every request in the time range, whatever its dataset");
      assertEquals(12, lastCommit[0], "done after the last commit includes the skipped requests");
      assertEquals(12, last[0]);
      for (int i = 1; i < progress.size(); i++) {
        assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0], "progress never goes back");
      }
    }
  }
}
