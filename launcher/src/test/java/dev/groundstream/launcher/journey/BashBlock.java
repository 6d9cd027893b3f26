package dev.groundstream.launcher.journey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a README command block with bash ({@code set -euo pipefail}, so a failing command fails the
 * block), after literal replacements a user on this machine would make too (the port the local
 * mode got, a temp file instead of one in the repository).
 */
public final class BashBlock {
  /** What the block did: exit code and stdout + stderr. */
  public record Outcome(int exitCode, String output) {}

  private final String text;
  private final Map<String, String> replacements = new LinkedHashMap<>();

  private BashBlock(String text) {
    this.text = text;
  }

  /** The README block marked {@code <!-- journey: id -->}. */
  public static BashBlock readme(String id) throws IOException {
    return new BashBlock(ReadmeBlocks.block(id));
  }

  public BashBlock replacing(String literal, String with) {
    if (!text.contains(literal)) {
      throw new AssertionError("the README block no longer contains '" + literal + "':\n" + text);
    }
    replacements.put(literal, with);
    return this;
  }

  public String script() {
    String script = text;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      script = script.replace(r.getKey(), r.getValue());
    }
    return script;
  }

  /** Runs it in {@code workingDir}; fails (with the output) after {@code timeout}. */
  public Outcome run(Path workingDir, Duration timeout, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + script())
        .directory(workingDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[][] out = new byte[1][];
    Thread reader = new Thread(() -> {
      try {
        out[0] = process.getInputStream().readAllBytes();
      } catch (IOException e) {
        out[0] = new byte[0];
      }
    });
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      reader.join(5000);
      throw new AssertionError("README block still running after " + timeout + ":\n" + script());
    }
    reader.join(10_000);
    return new Outcome(process.exitValue(), new String(out[0] == null ? new byte[0] : out[0], StandardCharsets.UTF_8));
  }

  public Outcome run(Path workingDir, Duration timeout) throws IOException, InterruptedException {
    return run(workingDir, timeout, Map.of());
  }
}
