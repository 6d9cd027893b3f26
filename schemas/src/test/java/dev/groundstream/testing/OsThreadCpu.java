package dev.groundstream.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU clock ticks (user + system) of this process per OS thread name, digits folded, from
 * /proc/self/task (Linux): the one view that also names native threads (JIT compilers, GC, RocksDB,
 * image decoders in native code), for benchmarks that want to say where a phase's CPU went.
 * Ticks of threads that ended between two snapshots are lost; empty where /proc is absent.
 */
public record OsThreadCpu(Map<String, Long> ticksByName) {

  public static OsThreadCpu snapshot() {
    Map<String, Long> ticks = new TreeMap<>();
    File[] tasks = new File("/proc/self/task").listFiles();
    if (tasks != null) {
      for (File task : tasks) {
        try {
          String name = Files.readString(task.toPath().resolve("comm")).trim().replaceAll("\\d+", "N");
          String stat = Files.readString(task.toPath().resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (IOException | RuntimeException ended) {
          // the thread ended between listing and reading
        }
      }
    }
    return new OsThreadCpu(ticks);
  }

  /** "name share%;" for the {@code top} thread names that used the most CPU since {@code before}. */
  public String sharesSince(OsThreadCpu before, int top) {
    Map<String, Long> used = new HashMap<>();
    ticksByName.forEach((name, ticks) -> used.put(name, ticks - before.ticksByName.getOrDefault(name, 0L)));
    long all = Math.max(1, used.values().stream().mapToLong(Long::longValue).sum());
    StringBuilder out = new StringBuilder();
    used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.1f%%;", e.getKey(), 100.0 * e.getValue() / all)));
    return out.toString().trim();
  }
}
