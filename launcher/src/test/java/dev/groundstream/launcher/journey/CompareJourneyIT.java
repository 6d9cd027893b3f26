package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.launcher.compare.PrintedComparison;
import dev.groundstream.launcher.compare.StoredPairs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch verdict as a user gets it: the local mode grounds with version 1 and, with
 * {@code --also-model}, version 2; {@code groundstream import} streams the bundled photo benchmark
 * (truth included) into it; {@code groundstream compare} (a separate process) prints the paired
 * table, whose cells equal those recomputed here from the evaluations read back read_committed
 * from grounding.evaluations — for all phrases and per phrase type.
 */
class CompareJourneyIT {
  private static final String MODEL = "models/noop-detector";
  private static final Path PHOTOS = LauncherProcess.repositoryRoot().resolve("datasets/groundstream-photos");
  private static final Duration TIMEOUT = Duration.ofMinutes(4);

  @TempDir Path temp;

  @Test
  @CoversReadme("compare")
  void compareReportsThePairedCountsOfTheStoredEvaluations() throws Exception {
    Path v2 = ModelVersions.copy(MODEL, temp, "2.0.0");
    Path dataDir = temp.resolve("data");
    String dataset = "journey/compare-" + UUID.randomUUID().toString().substring(0, 8);
    try (LocalModeProcess local = LocalModeProcess.start(dataDir, "--model", MODEL, "--also-model", v2.toString())) {
      int requests = importPhotos(local, dataset);
      assertTrue(requests > 0, "the photo benchmark has requests");

      Map<String, Evaluation> v1 = new HashMap<>();
      Map<String, Evaluation> v2Evaluations = new HashMap<>();
      for (Evaluation e : local.committed().await("grounding.evaluations", Evaluation.class,
          e -> dataset.equals(e.getDataset()), 2 * requests, TIMEOUT)) {
        (e.getModel().getVersion().equals("1.0.0") ? v1 : v2Evaluations).put(e.getRequestId().toString(), e);
      }
      assertEquals(requests, v1.size(), "version 1 evaluated every imported request");
      assertEquals(requests, v2Evaluations.size(), "version 2 evaluated every imported request");
      Map<String, long[]> expected = StoredPairs.count(byUuid(v1), byUuid(v2Evaluations));

      LauncherProcess compare = LauncherProcess.start(temp.resolve("compare.log"), "compare",
          "--a", "noop-detector:1.0.0", "--b", "noop-detector:2.0.0", "--dataset", dataset,
          "--eval-url", local.dashboardUrl());
      assertEquals(0, compare.awaitExit(Duration.ofMinutes(1)), compare.tail());
      Map<String, List<Long>> printed = PrintedComparison.cells(compare.output());
      Map<String, List<Long>> recomputed = new HashMap<>();
      expected.forEach((category, cells) -> recomputed.put(category, StoredPairs.asList(cells)));
      assertEquals(recomputed, printed, compare.output());
      assertTrue(printed.size() > 2, "several phrase types in the photo benchmark: " + printed.keySet());
      compare.awaitLine(Pattern.compile("^Verdict \\(all\\): "), Duration.ofSeconds(5));

      LauncherProcess unknown = LauncherProcess.start(temp.resolve("compare-unknown.log"), "compare",
          "--a", "noop-detector:1.0.0", "--b", "noop-detector:7.0.0", "--eval-url", local.dashboardUrl());
      assertEquals(2, unknown.awaitExit(Duration.ofMinutes(1)), unknown.tail());
      assertEquals(1, unknown.output().strip().lines().count(), unknown.output());
      assertTrue(unknown.output().contains("unknown model version noop-detector:7.0.0"), unknown.output());
    }
  }

  /** Runs {@code groundstream import flickr30k} of the bundled photos into the local mode; returns requests written. */
  private int importPhotos(LocalModeProcess local, String dataset) throws Exception {
    List<String> args = new ArrayList<>(List.of("import", "flickr30k", "--root", PHOTOS.toString(),
        "--images", PHOTOS.resolve("images").toString(), "--split", "test", "--dataset", dataset,
        "--blob-dir", local.dataDir().resolve("blobs").toAbsolutePath().toString(),
        "--checkpoint", temp.resolve("import-checkpoint.properties").toString()));
    args.addAll(local.connectionArgs());
    try (LauncherProcess importer = LauncherProcess.start(temp.resolve("import.log"), args)) {
      assertEquals(0, importer.awaitExit(TIMEOUT), importer.tail());
      Matcher written = importer.awaitLine(Pattern.compile(Pattern.quote(dataset) + ": (\\d+) written"),
          Duration.ofSeconds(5));
      return Integer.parseInt(written.group(1));
    }
  }

  private static Map<UUID, Evaluation> byUuid(Map<String, Evaluation> evaluations) {
    Map<UUID, Evaluation> out = new HashMap<>();
    evaluations.forEach((id, e) -> out.put(UUID.fromString(id), e));
    return out;
  }
}
