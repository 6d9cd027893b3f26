package dev.groundstream.launcher.journey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ```bash blocks of README.md with their ids ({@code <!-- journey: ID -->} on the line before
 * the fence), so journey tests run the commands exactly as a user pastes them.
 */
public final class ReadmeBlocks {
  private static final Pattern MARKER = Pattern.compile("^<!--\\s*journey:\\s*([a-z0-9-]+)\\s*-->\\s*$");

  /** A bash block: its id (null when the line above has none), first line number and text. */
  public record Block(String id, int line, String text) {}

  private ReadmeBlocks() {}

  public static List<Block> all() throws IOException {
    List<String> lines = Files.readAllLines(readme(), StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().startsWith("```bash")) {
        Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).trim()) : null;
        StringBuilder text = new StringBuilder();
        int start = i + 1;
        for (i = i + 1; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        blocks.add(new Block(marker != null && marker.matches() ? marker.group(1) : null, start + 1, text.toString()));
      }
    }
    return blocks;
  }

  /** The block with this id; fails when README.md has none. */
  public static String block(String id) throws IOException {
    Map<String, String> byId = new LinkedHashMap<>();
    for (Block b : all()) {
      if (b.id() != null) {
        byId.put(b.id(), b.text());
      }
    }
    String text = byId.get(id);
    if (text == null) {
      throw new AssertionError("README.md has no ```bash block marked <!-- journey: " + id + " --> (has " + byId.keySet() + ")");
    }
    return text;
  }

  public static Path readme() {
    return LauncherProcess.repositoryRoot().resolve("README.md");
  }
}
