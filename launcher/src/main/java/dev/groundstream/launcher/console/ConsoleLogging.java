package dev.groundstream.launcher.console;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The local mode's console: full logs to {@code <data-dir>/logs/groundstream.log} (appended, one
 * marker line per start), concise status lines on the console ({@link LogRouter}), or everything on
 * the console as well with {@code --verbose}. The logging backend (slf4j-simple, configured in
 * simplelogger.properties) writes to System.err, which this replaces; call it before anything logs.
 */
public final class ConsoleLogging {
  public static final String LOG_FILE = "groundstream.log";

  private ConsoleLogging() {
  }

  /** Routes System.err through a {@link LogRouter}; returns the log file. */
  public static Path routeLogs(Path dataDir, boolean verbose) throws IOException {
    Path logs = Files.createDirectories(dataDir.resolve("logs"));
    Path file = logs.resolve(LOG_FILE).toAbsolutePath();
    FileOutputStream out = new FileOutputStream(file.toFile(), true);
    out.write(("---- groundstream local started " + Instant.now() + " ----\n").getBytes(StandardCharsets.UTF_8));
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setErr(new PrintStream(new LogRouter(out, System.err, verbose), true, StandardCharsets.UTF_8));
    return file;
  }
}
