package dev.groundstream.sinks.jdbc;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts only JDBC URLs of a supported database, with a message that says what is expected. */
final class JdbcUrlValidator implements ConfigDef.Validator {
  @Override
  public void ensureValid(String name, Object value) {
    String url = value == null ? "" : value.toString().trim();
    if (SqlDialects.nameForUrl(url) == null) {
      // The URL is echoed without its query: that is where a password could sit.
      String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) + "?..." : url;
      throw new ConfigException(name, shown, "must be a PostgreSQL (jdbc:postgresql://host:port/database) "
          + "or DuckDB (jdbc:duckdb:/path/to/file.duckdb) JDBC URL");
    }
    if (url.equals("jdbc:postgresql:") || url.equals("jdbc:postgresql://")) {
      throw new ConfigException(name, url, "names no PostgreSQL host and database");
    }
  }

  @Override
  public String toString() {
    return "jdbc:postgresql://... or jdbc:duckdb:...";
  }
}
