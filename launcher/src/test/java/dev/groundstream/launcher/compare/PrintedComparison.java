package dev.groundstream.launcher.compare;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads back what {@code groundstream compare} printed: the paired cells of each row of its table. */
public final class PrintedComparison {
  private PrintedComparison() {
  }

  /** Row name (all or a phrase type) to [both right, only A, only B, both wrong]. */
  public static Map<String, List<Long>> cells(String output) {
    Map<String, List<Long>> rows = new HashMap<>();
    boolean inTable = false;
    for (String line : output.lines().toList()) {
      if (line.startsWith("type ")) {
        inTable = true;
        continue;
      }
      if (inTable && line.startsWith("Intervals:")) {
        break;
      }
      if (inTable) {
        String[] cells = line.trim().split("\\s+");
        rows.put(cells[0], Arrays.stream(cells, 2, 6).map(c -> Long.parseLong(c.replace(",", ""))).toList());
      }
    }
    return rows;
  }
}
