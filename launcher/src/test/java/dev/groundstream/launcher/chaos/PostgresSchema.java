package dev.groundstream.launcher.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the machine's PostgreSQL (127.0.0.1:5432, database test, user postgres) for
 * one test, dropped on close; the test is skipped with the reason when PostgreSQL is down.
 */
final class PostgresSchema implements AutoCloseable {
  private static final String BASE_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  static PostgresSchema create(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = DriverManager.getConnection(BASE_URL + "?connectTimeout=3", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is unreachable: " + e.getMessage());
    }
    return new PostgresSchema(name);
  }

  /** The JDBC URL a sink writes this schema with. */
  String url() {
    return BASE_URL + "?currentSchema=" + name + "&reWriteBatchedInserts=true";
  }

  /** The single number {@code sql} selects; -1 while its table does not exist yet. */
  long count(String sql) {
    try (Connection c = DriverManager.getConnection(url(), "postgres", "");
         Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(BASE_URL, "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
