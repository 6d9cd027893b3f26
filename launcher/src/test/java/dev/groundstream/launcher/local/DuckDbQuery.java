package dev.groundstream.launcher.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

/**
 * Counts rows of the local mode's DuckDB file in a separate JVM, like a user's SQL client would.
 * DuckDB keeps one database instance per file and process, so the test JVM, which hosted the
 * sink, is the wrong place to open the file a second time.
 */
public final class DuckDbQuery {
  private DuckDbQuery() {}

  public static int count(Path file, String sql) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DuckDbQuery.class.getName(), file.toString(), sql)
        .redirectErrorStream(true).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("DuckDB query timed out: " + sql);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (process.exitValue() != 0) {
      throw new AssertionError("DuckDB query failed (" + sql + "): " + out);
    }
    String[] lines = out.split("\n");
    return Integer.parseInt(lines[lines.length - 1].trim());
  }

  public static void main(String[] args) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
        ResultSet rs = db.createStatement().executeQuery(args[1])) {
      rs.next();
      System.out.println(rs.getInt(1));
    }
  }
}
