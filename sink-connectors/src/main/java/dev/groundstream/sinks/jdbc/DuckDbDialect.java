package dev.groundstream.sinks.jdbc;

import java.math.BigDecimal;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;

/**
 * DuckDB: timestamps are stored as TIMESTAMP in UTC (TIMESTAMPTZ would need the ICU extension),
 * JSON as VARCHAR (the json extension is optional). DuckDB reports write-write conflicts between
 * transactions as errors worth retrying.
 */
public final class DuckDbDialect implements SqlDialect {
  @Override
  public String name() {
    return SqlDialects.DUCKDB;
  }

  @Override
  public Driver driver() {
    return new org.duckdb.DuckDBDriver();
  }

  /**
   * DuckDB has no users, and its in-process instance cache refuses a second connection to the same
   * file with different settings: unknown properties would count as settings.
   */
  @Override
  public boolean usesCredentials() {
    return false;
  }

  @Override
  public boolean reinsertsDeletedKeysInOneTransaction() {
    return false;
  }

  @Override
  public String typeName(ColumnType type) {
    return switch (type) {
      case INT -> "INTEGER";
      case BIGINT -> "BIGINT";
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case TEXT, JSON -> "VARCHAR";
      case BYTES -> "BLOB";
      case TIMESTAMP -> "TIMESTAMP";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case DECIMAL -> "DECIMAL(38, 9)";
    };
  }

  @Override
  public void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
      return;
    }
    switch (type) {
      case TIMESTAMP -> statement.setObject(index,
          LocalDateTime.ofInstant(((Date) value).toInstant(), ZoneOffset.UTC));
      case DATE -> statement.setObject(index,
          ((Date) value).toInstant().atZone(ZoneOffset.UTC).toLocalDate());
      case TIME -> statement.setObject(index,
          ((Date) value).toInstant().atZone(ZoneOffset.UTC).toLocalTime());
      case JSON -> statement.setString(index, value.toString());
      case DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
      case BYTES -> statement.setBytes(index, (byte[]) value);
      default -> statement.setObject(index, value);
    }
  }

  @Override
  public boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("transactioncontext error") || message.contains("conflict on tuple")
          || message.contains("could not set lock on file")) {
        return true;
      }
    }
    return false;
  }
}
