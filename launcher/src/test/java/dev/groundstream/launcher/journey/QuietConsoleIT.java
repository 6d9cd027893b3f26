package dev.groundstream.launcher.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local mode's console as a person reads it: a handful of status lines (what started, where)
 * and no component logs; the full logs are in {@code <data-dir>/logs/groundstream.log}; with
 * {@code --verbose} the logs are on the console as well.
 */
class QuietConsoleIT {
  /** A component's log line as slf4j-simple writes it ("20:24:14.630 [main] INFO org.eclipse.jetty..."). */
  private static final Pattern COMPONENT_LOG = Pattern.compile("(?m)^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\[.*?\\] INFO ");

  @TempDir Path temp;

  @Test
  void theConsoleShowsStatusLinesAndTheLogsGoToTheDataDir() throws Exception {
    Path dataDir = temp.resolve("quiet");
    try (LauncherProcess local = startAndExit(dataDir, false)) {
      String console = local.output();
      Path logFile = dataDir.resolve("logs").resolve("groundstream.log");
      assertTrue(Files.isRegularFile(logFile), "log file under the data dir:\n" + console);
      String logs = Files.readString(logFile);
      assertTrue(COMPONENT_LOG.matcher(logs).find(), "the file has the components' full logs");
      assertTrue(logs.contains("dev.groundstream.eval"), "the eval service logs into the file too");
      assertFalse(COMPONENT_LOG.matcher(console).find(), "no component logs on the console:\n" + console);
      long lines = console.lines().filter(l -> !l.isBlank()).count();
      assertTrue(lines <= 20, lines + " console lines, expected a handful:\n" + console);
      assertTrue(console.contains("Logs             : " + logFile.toAbsolutePath()), console);
      assertTrue(console.contains("Embedded Kafka broker listening on"), "what started, where:\n" + console);
    }
  }

  @Test
  void verboseRestoresTheLogsOnTheConsole() throws Exception {
    Path dataDir = temp.resolve("verbose");
    try (LauncherProcess local = startAndExit(dataDir, true)) {
      String console = local.output();
      assertTrue(COMPONENT_LOG.matcher(console).find(), "--verbose: component logs on the console:\n" + local.tail());
      assertTrue(COMPONENT_LOG.matcher(Files.readString(dataDir.resolve("logs").resolve("groundstream.log"))).find(),
          "and still in the file");
    }
  }

  private LauncherProcess startAndExit(Path dataDir, boolean verbose) throws Exception {
    List<String> args = new ArrayList<>(List.of("local", "--data-dir", dataDir.toString(), "--model",
        "models/noop-detector", "--kafka-port", "0", "--registry-port", "0", "--ingest-port", "0",
        "--dashboard-port", "0", "--worker-port", "0", "--exit-after-start"));
    if (verbose) {
      args.add("--verbose");
    }
    LauncherProcess local = LauncherProcess.start(temp.resolve(dataDir.getFileName() + ".log"), args);
    assertEquals(0, local.awaitExit(Duration.ofMinutes(4)), local.tail());
    return local;
  }
}
