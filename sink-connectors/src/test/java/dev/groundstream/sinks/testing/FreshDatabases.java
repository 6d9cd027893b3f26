package dev.groundstream.sinks.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database per call for one test class: a new PostgreSQL schema (all dropped by
 * {@link #close}) or a new DuckDB file under the class's temp dir, so tests never see each other's rows.
 */
public final class FreshDatabases implements AutoCloseable {
  private final Path dir;
  private final String prefix;
  private final List<String> schemas = new ArrayList<>();

  public FreshDatabases(Path dir, String prefix) {
    this.dir = dir;
    this.prefix = prefix;
  }

  /** A JDBC URL of an empty database; skips the test when PostgreSQL is asked for and down. */
  public synchronized String url(String dialect) throws IOException {
    if (dialect.equals("postgresql")) {
      String schema = TestDatabases.createPostgresSchema("gs_" + prefix);
      schemas.add(schema);
      return TestDatabases.postgresUrl(schema);
    }
    return TestDatabases.duckDbUrl(Files.createDirectories(dir.resolve(prefix + "-" + System.nanoTime())));
  }

  @Override
  public synchronized void close() throws SQLException {
    for (String schema : schemas) {
      TestDatabases.dropPostgresSchema(schema);
    }
  }
}
