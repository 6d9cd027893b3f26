package dev.groundstream.sinks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Opens the task's connection through the dialect's driver; credentials stay out of logs. */
final class JdbcConnections {
  private final SqlDialect dialect;
  private final JdbcSinkConfig config;

  JdbcConnections(SqlDialect dialect, JdbcSinkConfig config) {
    this.dialect = dialect;
    this.config = config;
  }

  Connection open() throws SQLException {
    Properties properties = new Properties();
    if (dialect.usesCredentials() && config.user() != null) {
      properties.setProperty("user", config.user());
    }
    if (dialect.usesCredentials() && config.password() != null) {
      properties.setProperty("password", config.password().value());
    }
    Connection connection = dialect.driver().connect(config.url(), properties);
    if (connection == null) {
      throw new SQLException("The " + dialect.name() + " driver does not accept the configured URL");
    }
    connection.setAutoCommit(false);
    return connection;
  }
}
