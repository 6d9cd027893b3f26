package dev.groundstream.launcher.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for System.err while the local mode runs: every line goes to the log file; the console
 * gets, unless verbose (then everything), only what a person needs to follow: the launcher's own
 * status lines (INFO and above from {@code dev.groundstream.launcher}, shown as "HH:mm:ss message"),
 * ERROR lines of any component (their stack traces stay in the file) and uncaught exceptions.
 * Lines are slf4j-simple's "HH:mm:ss.SSS [thread] LEVEL logger - message" (simplelogger.properties).
 */
public final class LogRouter extends OutputStream {
  private static final Pattern LOG_LINE = Pattern.compile(
      "^(\\d{2}:\\d{2}:\\d{2})\\.\\d{3} \\[.*?\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$");
  private static final String STATUS_LOGGERS = "dev.groundstream.launcher";
  private final OutputStream file;
  private final PrintStream console;
  private final boolean verbose;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  public LogRouter(OutputStream file, PrintStream console, boolean verbose) {
    this.file = file;
    this.console = console;
    this.verbose = verbose;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      flushLine();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    file.flush();
    console.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      line.write('\n');
      flushLine();
    }
    file.close();
  }

  private void flushLine() throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    file.write(bytes);
    file.flush();
    if (verbose) {
      console.write(bytes);
      console.flush();
      return;
    }
    String text = consoleText(new String(bytes, StandardCharsets.UTF_8).stripTrailing());
    if (text != null) {
      console.println(text);
    }
  }

  /** What the quiet console shows for one line, or null for nothing. */
  static String consoleText(String line) {
    Matcher log = LOG_LINE.matcher(line);
    if (log.matches()) {
      String level = log.group(2);
      String logger = log.group(3);
      if (level.equals("ERROR")) {
        return log.group(1) + " ERROR " + shortName(logger) + ": " + log.group(4);
      }
      boolean status = logger.startsWith(STATUS_LOGGERS) && !level.equals("DEBUG") && !level.equals("TRACE");
      return status ? log.group(1) + " " + (level.equals("INFO") ? "" : level + " ") + log.group(4) : null;
    }
    return line.startsWith("Exception in thread") ? line : null;
  }

  private static String shortName(String logger) {
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }
}
