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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial versions on live traffic: the local mode runs version 1 and, with {@code --also-model},
 * version 3; {@code groundstream worker --model <v2>} joins as a second process. Every live upload
 * gets exactly one result from each of the three versions, and none takes requests from another.
 */
class SideBySideJourneyIT {
  private static final String MODEL = "models/noop-detector";
  private static final Path IMAGE = LauncherProcess.repositoryRoot().resolve("datasets/groundstream-photos/images/left.jpg");
  private static final int UPLOADS = 5;

  @TempDir Path temp;

  @Test
  @CoversReadme("side-by-side")
  void aWorkerProcessAndAnAlsoModelGroundTheLiveStreamBesideTheCurrentVersion() throws Exception {
    Path v3 = ModelVersions.copy(MODEL, temp, "3.0.0");
    Path dataDir = temp.resolve("data");
    try (LocalModeProcess local = LocalModeProcess.start(dataDir, "--model", MODEL, "--also-model", v3.toString())) {
      local.process().awaitLine(Pattern.compile("Also grounding\\s*: noop-detector:3\\.0\\.0 \\(group "
          + "grounding-worker\\.noop-detector\\.3\\.0\\.0"), Duration.ofSeconds(5));
      List<String> args = new ArrayList<>(List.of("worker", "--model", ModelVersions.copy(MODEL, temp, "2.0.0").toString(),
          "--from", "beginning", "--blob-dir", dataDir.resolve("blobs").toString()));
      args.addAll(local.connectionArgs());
      try (LauncherProcess worker = LauncherProcess.start(temp.resolve("worker.log"), args)) {
        worker.awaitLine(Pattern.compile("consumer group grounding-worker\\.noop-detector\\.2\\.0\\.0$"),
            Duration.ofMinutes(2));
        worker.awaitLine(Pattern.compile("Press Ctrl-C to stop"), Duration.ofMinutes(1));
        IngestClient ingest = new IngestClient(local.ingestUrl(), LocalModeProcess.API_KEY);
        Set<String> uploaded = new HashSet<>();
        for (int i = 0; i < UPLOADS; i++) {
          uploaded.add(ingest.upload(IMAGE, "cars parked on a street", "live", "side-by-side-" + i));
        }
        for (String version : List.of("1.0.0", "2.0.0", "3.0.0")) {
          List<GroundingResult> results = local.committed().await("grounding.results", GroundingResult.class,
              r -> r.getModel().getVersion().equals(version), UPLOADS, Duration.ofMinutes(3));
          assertEquals(UPLOADS, results.size(), "version " + version + ": one result per live upload");
          Set<String> ids = new HashSet<>();
          results.forEach(r -> ids.add(r.getRequestId().toString()));
          assertEquals(uploaded, ids, "version " + version);
        }
        worker.interrupt();
        int exit = worker.awaitExit(Duration.ofMinutes(1));
        assertTrue(exit == 0 || exit == 143, "Ctrl-C stops the worker cleanly, exit " + exit + ":\n" + worker.tail());
        worker.awaitLine(Pattern.compile("Worker grounding-worker\\.noop-detector\\.2\\.0\\.0 stopped: "
            + UPLOADS + " grounded, 0 dead-lettered"), Duration.ofSeconds(5));
      }
    }
  }
}
