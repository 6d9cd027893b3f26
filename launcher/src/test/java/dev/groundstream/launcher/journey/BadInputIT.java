package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay and worker with bad input: one line naming the problem, exit 2, and nothing started. The
 * commands point at a port where no broker listens: one that connected first would hang or fail
 * differently instead of answering at once.
 */
class BadInputIT {
  private static final String[] NO_BROKER = {"--bootstrap-servers", "127.0.0.1:1", "--registry-url", "http://127.0.0.1:1"};

  @TempDir Path temp;

  @Test
  void replayOfAnUnknownModelFolder() throws Exception {
    assertOneLineExit2("no such model folder", "replay", "--model", "models/no-such-model");
  }

  @Test
  void replayWithAnUnparsableTime() throws Exception {
    assertOneLineExit2("--from 'yesterday' is not a time", "replay", "--model", "models/noop-detector",
        "--from", "yesterday");
    assertOneLineExit2("--to '2026-13-01' is not a time", "replay", "--model", "models/noop-detector",
        "--to", "2026-13-01");
  }

  @Test
  void replayWithToBeforeFrom() throws Exception {
    assertOneLineExit2("--to 2026-01-01T00:00:00Z is not after --from 2026-02-01T00:00:00Z", "replay",
        "--model", "models/noop-detector", "--from", "2026-02-01T00:00:00Z", "--to", "2026-01-01T00:00:00Z");
  }

  @Test
  void workerOfAFolderWithoutModelCard() throws Exception {
    assertOneLineExit2("No model card", "worker", "--model", "datasets");
  }

  @Test
  void workerWithAnUnknownStart() throws Exception {
    assertOneLineExit2("--from must be 'beginning' or 'latest'", "worker", "--model", "models/noop-detector",
        "--from", "2026-01-01");
  }

  @Test
  void localWithTheSameVersionTwice() throws Exception {
    assertOneLineExit2("is a model version that already runs", "local", "--data-dir", temp.resolve("d").toString(),
        "--model", "models/noop-detector", "--also-model", "models/noop-detector");
  }

  private void assertOneLineExit2(String expected, String... args) throws Exception {
    List<String> command = new ArrayList<>(Arrays.asList(args));
    if (!args[0].equals("local")) {
      command.addAll(List.of(NO_BROKER));
    }
    try (LauncherProcess process = LauncherProcess.start(temp.resolve(args[0] + System.nanoTime() + ".log"), command)) {
      assertEquals(2, process.awaitExit(Duration.ofMinutes(1)), process.describe() + ":\n" + process.tail());
      List<String> lines = process.output().lines().filter(l -> !l.isBlank()).toList();
      assertEquals(1, lines.size(), "one line:\n" + process.output());
      assertTrue(lines.get(0).startsWith("groundstream " + args[0] + ": "), lines.get(0));
      assertTrue(lines.get(0).contains(expected), lines.get(0));
    }
    if (args[0].equals("local")) {
      assertTrue(!temp.resolve("d").toFile().exists(), "the local mode created no data dir");
    }
  }
}
