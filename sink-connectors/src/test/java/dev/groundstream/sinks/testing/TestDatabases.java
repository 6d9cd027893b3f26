package dev.groundstream.sinks.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests write to: the machine's PostgreSQL (a fresh schema per test class, dropped
 * afterwards) and DuckDB files in a temp dir.
 */
public final class TestDatabases {
  public static final String POSTGRES_BASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private TestDatabases() {}

  /** Creates a uniquely named schema, or skips the test (with the reason) when PostgreSQL is down. */
  public static String createPostgresSchema(String prefix) {
    String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = DriverManager.getConnection(POSTGRES_BASE_URL + "?connectTimeout=3", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is unreachable: " + e.getMessage());
    }
    return schema;
  }

  public static String postgresUrl(String schema) {
    return POSTGRES_BASE_URL + "?currentSchema=" + schema + "&reWriteBatchedInserts=true";
  }

  public static void dropPostgresSchema(String schema) throws SQLException {
    if (schema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(POSTGRES_BASE_URL, "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  public static String duckDbUrl(Path dir) {
    return "jdbc:duckdb:" + dir.resolve("sink.duckdb").toAbsolutePath();
  }

  public static Connection open(String url) throws SQLException {
    return url.startsWith("jdbc:duckdb:") ? new org.duckdb.DuckDBDriver().connect(url, new java.util.Properties())
        : DriverManager.getConnection(url, "postgres", "");
  }

  public static long count(String url, String sql) throws SQLException {
    try (Connection c = open(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
