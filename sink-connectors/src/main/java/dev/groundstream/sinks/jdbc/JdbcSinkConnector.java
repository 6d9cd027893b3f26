package dev.groundstream.sinks.jdbc;

import dev.groundstream.sinks.UniformSinkConnector;

/**
 * Stores GroundStream results, evaluations and metrics (or any struct records) in PostgreSQL or
 * DuckDB tables, upserting by primary key. Table layout: sink-connectors/README.md.
 */
public class JdbcSinkConnector extends UniformSinkConnector {
  public JdbcSinkConnector() {
    super(JdbcSinkTask.class, JdbcSinkConfig.DEFINITION, JdbcSinkConfig::new);
  }
}
