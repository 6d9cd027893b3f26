package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline journey: requests were grounded by version 1 in the local mode; {@code groundstream
 * replay --model <v2>} (a separate process) grounds every one of them again under the new version,
 * read back read_committed from grounding.results — exactly one result per request in range.
 */
class ReplayJourneyIT {
  private static final String MODEL = "models/noop-detector";
  private static final Path IMAGE = LauncherProcess.repositoryRoot().resolve("datasets/groundstream-photos/images/left.jpg");
  private static final int IN_A = 4;
  private static final int IN_B = 2;
  private static final Duration RESULTS_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(4);
  private static final Pattern SUMMARY = Pattern.compile(
      "Replay done under consumer group (\\S+): (\\d+) grounded, (\\d+) dead-lettered, (\\d+) skipped in [0-9.]+ s");

  @TempDir static Path temp;
  private static LocalModeProcess local;
  private static final Set<String> requestIds = new HashSet<>();
  private static final Set<String> requestIdsOfB = new HashSet<>();

  @BeforeAll
  static void requestsGroundedByVersionOne() throws Exception {
    local = LocalModeProcess.start(temp.resolve("data"), "--model", MODEL);
    IngestClient ingest = new IngestClient(local.ingestUrl(), LocalModeProcess.API_KEY);
    for (int i = 0; i < IN_A + IN_B; i++) {
      String dataset = i < IN_A ? "journey/a" : "journey/b";
      String id = ingest.upload(IMAGE, "cars parked on a street", dataset, "replay-journey-" + i);
      requestIds.add(id);
      if (i >= IN_A) {
        requestIdsOfB.add(id);
      }
    }
    assertEquals(IN_A + IN_B, resultsOf("1.0.0", IN_A + IN_B).size(), "version 1 grounded every upload once");
  }

  @AfterAll
  static void stop() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  @CoversReadme("replay")
  void replayOfASecondVersionGroundsEveryRequestInRangeExactlyOnce() throws Exception {
    // --from as in the README, an hour ago: every request of this run is later
    String anHourAgo = java.time.Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    Matcher summary = replay(ModelVersions.copy(MODEL, temp, "2.0.0"), "--from", anHourAgo);
    assertEquals(List.of(IN_A + IN_B, 0, 0), counts(summary), "grounded, dead-lettered, skipped");
    assertTrue(summary.group(1).startsWith("grounding-worker.noop-detector.2.0.0.replay-"), summary.group(1));
    List<GroundingResult> v2 = resultsOf("2.0.0", IN_A + IN_B);
    assertEquals(IN_A + IN_B, v2.size(), "one result per request in range, no more");
    assertEquals(requestIds, ids(v2));
  }

  @Test
  void replayOfOneDatasetGroundsOnlyItsRequests() throws Exception {
    Matcher summary = replay(ModelVersions.copy(MODEL, temp, "3.0.0"), "--dataset", "journey/b");
    assertEquals(List.of(IN_B, 0, IN_A), counts(summary), "the other dataset's requests are skipped");
    List<GroundingResult> v3 = resultsOf("3.0.0", IN_B);
    assertEquals(IN_B, v3.size());
    assertEquals(requestIdsOfB, ids(v3));
  }

  @Test
  void replayOfADatasetWithoutRequestsGroundsNothing() throws Exception {
    Matcher summary = replay(ModelVersions.copy(MODEL, temp, "4.0.0"), "--dataset", "journey/none");
    assertEquals(List.of(0, 0, IN_A + IN_B), counts(summary));
    assertEquals(0, resultsOf("4.0.0", 0).size(), "no result for a dataset that has no request");
  }

  @Test
  void resumingAFinishedReplayGroundsNothingTwice() throws Exception {
    Path v5 = ModelVersions.copy(MODEL, temp, "5.0.0");
    String group = replay(v5).group(1);
    Matcher resumed = replay(v5, "--resume", group);
    assertEquals(group, resumed.group(1), "the same consumer group");
    assertEquals(List.of(0, 0, 0), counts(resumed), "everything in range was committed by the first run");
    assertEquals(IN_A + IN_B, resultsOf("5.0.0", IN_A + IN_B).size(), "still one result per request");
  }

  @Test
  void ctrlCStopsAReplayCleanlyAndResumeFinishesIt() throws Exception {
    // the real detector: slow enough on a shared machine that SIGTERM lands while batches are in flight
    String model = LauncherProcess.repositoryRoot().resolve("models/centernet-coco").toString();
    List<String> command = new ArrayList<>(List.of("replay", "--model", model));
    command.addAll(local.connectionArgs());
    String group;
    try (LauncherProcess replay = LauncherProcess.start(temp.resolve("replay-ctrl-c.log"), command)) {
      group = replay.awaitLine(Pattern.compile("under consumer group (\\S+) \\(Ctrl-C stops"), REPLAY_TIMEOUT).group(1);
      Thread.sleep(3000); // let it commit a batch or two
      replay.interrupt();
      int exit = replay.awaitExit(Duration.ofMinutes(2));
      // stopped by the signal (143) after the summary, or done just before it arrived (0)
      assertTrue(exit == 143 || exit == 130 || exit == 0, "exit " + exit + ":\n" + replay.tail());
      Matcher summary = replay.awaitLine(Pattern.compile("Replay (stopped|done) under consumer group "
          + Pattern.quote(group) + ": (\\d+) grounded, 0 dead-lettered, 0 skipped"), Duration.ofSeconds(5));
      if (summary.group(1).equals("stopped")) {
        replay.awaitLine(Pattern.compile("--resume " + Pattern.quote(group)), Duration.ofSeconds(5));
      }
    }
    Matcher resumed = replay(Path.of(model), "--resume", group);
    assertEquals(group, resumed.group(1));
    List<GroundingResult> all = local.committed().await("grounding.results", GroundingResult.class,
        r -> r.getModel().getName().equals("centernet-coco"), IN_A + IN_B, RESULTS_TIMEOUT);
    assertEquals(IN_A + IN_B, all.size(), "both runs together: one result per request, none twice");
    assertEquals(requestIds, ids(all));
  }

  /** Runs {@code groundstream replay --model dir args...} against the local mode; returns its summary line. */
  private static Matcher replay(Path model, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("replay", "--model", model.toString()));
    command.addAll(local.connectionArgs());
    command.addAll(List.of(args));
    try (LauncherProcess replay = LauncherProcess.start(temp.resolve("replay-" + System.nanoTime() + ".log"), command)) {
      int exit = replay.awaitExit(REPLAY_TIMEOUT);
      assertEquals(0, exit, replay.describe() + ":\n" + replay.tail());
      return replay.awaitLine(SUMMARY, Duration.ofSeconds(5));
    }
  }

  private static List<Integer> counts(Matcher summary) {
    return List.of(Integer.parseInt(summary.group(2)), Integer.parseInt(summary.group(3)),
        Integer.parseInt(summary.group(4)));
  }

  private static List<GroundingResult> resultsOf(String version, int expected) {
    return local.committed().await("grounding.results", GroundingResult.class,
        r -> r.getModel().getName().equals("noop-detector") && r.getModel().getVersion().equals(version),
        expected, RESULTS_TIMEOUT);
  }

  private static Set<String> ids(List<GroundingResult> results) {
    Set<String> ids = new HashSet<>();
    results.forEach(r -> ids.add(r.getRequestId().toString()));
    return ids;
  }
}
