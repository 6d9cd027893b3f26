package dev.groundstream.sinks.jdbc;

import java.math.BigDecimal;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/** PostgreSQL: timestamptz for Connect timestamps, jsonb for JSON columns. */
public final class PostgresDialect implements SqlDialect {
  @Override
  public String name() {
    return SqlDialects.POSTGRESQL;
  }

  @Override
  public Driver driver() {
    return new org.postgresql.Driver();
  }

  @Override
  public String typeName(ColumnType type) {
    return switch (type) {
      case INT -> "INTEGER";
      case BIGINT -> "BIGINT";
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE PRECISION";
      case BOOLEAN -> "BOOLEAN";
      case TEXT -> "TEXT";
      case BYTES -> "BYTEA";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case DECIMAL -> "NUMERIC";
      case JSON -> "JSONB";
    };
  }

  @Override
  public void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, type == ColumnType.JSON ? Types.OTHER : Types.NULL);
      return;
    }
    switch (type) {
      case TIMESTAMP -> statement.setObject(index,
          OffsetDateTime.ofInstant(((Date) value).toInstant(), ZoneOffset.UTC));
      case DATE -> statement.setObject(index,
          ((Date) value).toInstant().atZone(ZoneOffset.UTC).toLocalDate());
      case TIME -> statement.setObject(index,
          ((Date) value).toInstant().atZone(ZoneOffset.UTC).toLocalTime());
      case JSON -> statement.setObject(index, value.toString(), Types.OTHER);
      case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
      case BYTES -> statement.setBytes(index, (byte[]) value);
      default -> statement.setObject(index, value);
    }
  }

  /**
   * Connection problems (08), transaction rollbacks such as serialization failures and deadlocks
   * (40), resource shortages (53), operator intervention like a restart (57P) and lock timeouts.
   */
  @Override
  public boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
            || state.startsWith("57P") || state.equals("55P03")) {
          return true;
        }
      }
    }
    return false;
  }
}
