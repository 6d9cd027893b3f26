package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's import example into {@code local --data-dir D} (run with bash as written, with
 * D and the local mode's ports): every one of the 66 bundled photo sentences is grounded, none is
 * dead-lettered (the large photos' claim checks are in D/blobs, where the worker reads), a second
 * run into the same cluster skips them all, and a new cluster gets every record even with the
 * first cluster's checkpoint file.
 */
class ImportJourneyIT {
  static final int SENTENCES = 66;
  static final String DATASET = "flickr30k-entities/test";
  static final Pattern SUMMARY = Pattern.compile("(\\d+) written, (\\d+) skipped \\(already there\\), (\\d+) total");

  @TempDir Path temp;

  @Test
  @CoversReadme("import")
  void everyPhotoIsGroundedWithoutDeadLettersAndANewClusterGetsEveryRecord() throws Exception {
    Path first = temp.resolve("first");
    try (LocalModeProcess local = LocalModeProcess.start(first, "--model", "models/noop-detector")) {
      assertEquals(List.of(SENTENCES, 0), summary(runImport(local, first, "")));
      List<GroundingResult> results = local.committed().await(Topics.RESULTS, GroundingResult.class,
          r -> DATASET.equals(r.getDataset()), SENTENCES, Duration.ofMinutes(6));
      Set<String> grounded = results.stream().map(r -> r.getRequestId().toString()).collect(Collectors.toSet());
      List<DeadLetter> deadLetters = local.committed().readAll(Topics.DLQ, DeadLetter.class, d -> true);
      assertEquals(List.of(), deadLetters.stream().map(DeadLetter::getMessage).toList(), "no photo dead-lettered");
      assertEquals(SENTENCES, grounded.size(), "every imported sentence has a committed result");

      assertEquals(List.of(0, SENTENCES), summary(runImport(local, first, "")), "same cluster: resumed, all skipped");
      local.stop();
    }

    Path second = temp.resolve("second");
    try (LocalModeProcess local = LocalModeProcess.start(second, "--model", "models/noop-detector")) {
      String sameCheckpoint = " --checkpoint " + first.resolve("import-checkpoints.properties");
      assertEquals(List.of(SENTENCES, 0), summary(runImport(local, second, sameCheckpoint)),
          "a new cluster gets every record, whatever the checkpoint file holds for the first");
      List<GroundingRequest> requests = local.committed().await(Topics.REQUESTS, GroundingRequest.class,
          r -> DATASET.equals(r.getDataset()), SENTENCES, Duration.ofMinutes(2));
      assertEquals(SENTENCES, requests.size());
      local.stop();
    }
  }

  private static String runImport(LocalModeProcess local, Path dataDir, String extra) throws Exception {
    BashBlock.Outcome out = BashBlock.readme("import")
        .replacing("--data-dir groundstream-data", "--data-dir " + dataDir.toAbsolutePath() + " "
            + String.join(" ", local.connectionArgs()) + extra)
        .run(LauncherProcess.repositoryRoot(), Duration.ofMinutes(6));
    assertEquals(0, out.exitCode(), out.output());
    return out.output();
  }

  /** [written, skipped] from the import's last line. */
  private static List<Integer> summary(String output) {
    Matcher m = SUMMARY.matcher(output);
    assertTrue(m.find(), "no import summary in:\n" + output);
    assertEquals(Integer.toString(SENTENCES), m.group(3), output);
    return List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }
}
