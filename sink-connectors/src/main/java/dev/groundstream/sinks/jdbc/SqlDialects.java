package dev.groundstream.sinks.jdbc;

import java.util.Locale;

/** Picks a dialect by name or from a JDBC URL. */
public final class SqlDialects {
  public static final String POSTGRESQL = "postgresql";
  public static final String DUCKDB = "duckdb";

  private SqlDialects() {}

  /** The dialect name a URL implies, or null when it is not a supported JDBC URL. */
  public static String nameForUrl(String url) {
    String lower = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (lower.startsWith("jdbc:duckdb:")) {
      return DUCKDB;
    }
    return null;
  }

  public static SqlDialect byName(String name) {
    return switch (name) {
      case POSTGRESQL -> new PostgresDialect();
      case DUCKDB -> new DuckDbDialect();
      default -> throw new IllegalArgumentException("Unknown SQL dialect " + name);
    };
  }
}
