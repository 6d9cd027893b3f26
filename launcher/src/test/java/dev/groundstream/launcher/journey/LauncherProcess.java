package dev.groundstream.launcher.journey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged launcher (launcher/target/groundstream.jar + lib/) run as a separate process, the
 * way {@code ./groundstream} runs it for a user: working directory = the repository root, stdout
 * and stderr captured together to a file. Closing destroys the process (SIGTERM, so shutdown hooks
 * run; forcibly after a grace period).
 */
public final class LauncherProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final Path outputFile;
  private final List<String> args;

  private LauncherProcess(Process process, Path outputFile, List<String> args) {
    this.process = process;
    this.outputFile = outputFile;
    this.args = args;
  }

  /** Starts {@code groundstream args...}; its output goes to {@code outputFile}. */
  public static LauncherProcess start(Path outputFile, String... args) throws IOException {
    return start(outputFile, List.of(args));
  }

  public static LauncherProcess start(Path outputFile, List<String> args) throws IOException {
    Path root = repositoryRoot();
    Path jar = root.resolve("launcher/target/groundstream.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the journey tests with 'mvn verify' (package builds it)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g"); // six engineers share two cores and the memory of this machine
    command.add("-cp");
    command.add(jar + java.io.File.pathSeparator + root.resolve("launcher/target/lib") + "/*");
    command.add("dev.groundstream.launcher.GroundStream");
    command.addAll(args);
    Files.createDirectories(outputFile.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(outputFile.toFile()).start();
    return new LauncherProcess(process, outputFile, List.copyOf(args));
  }

  /**
   * The repository root: the failsafe property {@code groundstream.root}, else the first folder
   * upwards from the working directory that holds the {@code groundstream} script.
   */
  public static Path repositoryRoot() {
    String configured = System.getProperty("groundstream.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("groundstream")) && Files.isDirectory(dir.resolve("launcher"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.readString(outputFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  public Path outputFile() {
    return outputFile;
  }

  /**
   * Waits until a line of the output matches {@code pattern} and returns that match; fails with the
   * output so far when the process exits first or {@code timeout} passes.
   */
  public Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : output().split("\\R")) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return matcher;
        }
      }
      if (!process.isAlive()) {
        Thread.sleep(200); // the last lines may still be on their way to the file
        for (String line : output().split("\\R")) {
          Matcher matcher = pattern.matcher(line);
          if (matcher.find()) {
            return matcher;
          }
        }
        throw new AssertionError(describe() + " exited with " + process.exitValue() + " before printing /"
            + pattern + "/:\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(describe() + " did not print /" + pattern + "/ within " + timeout + ":\n" + tail());
      }
      Thread.sleep(250);
    }
  }

  /** Waits for the process to exit and returns its exit code; fails (and destroys it) after {@code timeout}. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError(describe() + " still running after " + timeout + ":\n" + tail());
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the process to stop as Ctrl-C would (SIGTERM runs the shutdown hooks). */
  public void interrupt() {
    process.destroy();
  }

  public String describe() {
    return "groundstream " + String.join(" ", args);
  }

  /** The last lines of the output, for failure messages. */
  public String tail() {
    String out = output();
    return out.length() <= 6000 ? out : "..." + out.substring(out.length() - 6000);
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
