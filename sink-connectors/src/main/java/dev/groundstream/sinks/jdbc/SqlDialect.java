package dev.groundstream.sinks.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What differs between the databases the sink writes to: types, value binding, error classes. */
public interface SqlDialect {
  String name();

  /** The driver, instantiated directly: DriverManager cannot see drivers in a plugin class loader. */
  Driver driver();

  String typeName(ColumnType type);

  /** Binds a flattened value (Date for time types, byte[], String, numbers, BigDecimal) or null. */
  void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException;

  /** Whether retrying the same work later can succeed (connection loss, deadlock, conflicts). */
  boolean isTransient(SQLException e);

  /**
   * Whether a row deleted in a transaction may be inserted again (same key) in that transaction.
   * DuckDB 1.1 checks unique keys against rows deleted by the open transaction ("over-eager
   * constraint checking"), so there the deletes are committed first.
   */
  default boolean reinsertsDeletedKeysInOneTransaction() {
    return true;
  }

  /** Whether connection.user/password are passed to the driver (DuckDB has no users). */
  default boolean usesCredentials() {
    return true;
  }

  default String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  default String createTable(TableSpec table) {
    String columns = table.columns().stream()
        .map(c -> quote(c.name()) + " " + typeName(c.type())
            + (table.primaryKey().contains(c.name()) ? " NOT NULL" : ""))
        .collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS " + quote(table.name()) + " (" + columns + ", PRIMARY KEY ("
        + table.primaryKey().stream().map(this::quote).collect(Collectors.joining(", ")) + "))";
  }

  default String addColumn(String table, ColumnSpec column) {
    return "ALTER TABLE " + quote(table) + " ADD COLUMN " + quote(column.name()) + " " + typeName(column.type());
  }

  /**
   * INSERT ... VALUES (...), (...) ON CONFLICT (key) DO UPDATE for {@code rows} rows: both
   * PostgreSQL and DuckDB speak it, and one statement per many rows is what makes DuckDB fast.
   */
  default String upsert(String table, List<String> columns, List<String> primaryKey, int rows) {
    String row = "(" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    String insert = "INSERT INTO " + quote(table) + " ("
        + columns.stream().map(this::quote).collect(Collectors.joining(", ")) + ") VALUES "
        + String.join(", ", java.util.Collections.nCopies(rows, row)) + " ON CONFLICT ("
        + primaryKey.stream().map(this::quote).collect(Collectors.joining(", ")) + ") ";
    List<String> updated = columns.stream().filter(c -> !primaryKey.contains(c)).toList();
    return updated.isEmpty() ? insert + "DO NOTHING" : insert + "DO UPDATE SET "
        + updated.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c)).collect(Collectors.joining(", "));
  }

  /**
   * DELETE of the rows matching any of {@code keys} key tuples, as a join with a VALUES list (one
   * hash join per statement; an OR chain would rescan the table per key). The casts give the
   * parameters the columns' types.
   */
  default String deleteByKeys(String table, List<ColumnSpec> keyColumns, int keys) {
    String row = "(" + keyColumns.stream().map(c -> "CAST(? AS " + typeName(c.type()) + ")")
        .collect(Collectors.joining(", ")) + ")";
    return "DELETE FROM " + quote(table) + " USING (VALUES " + String.join(", ", java.util.Collections.nCopies(keys, row))
        + ") AS k (" + keyColumns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", ")) + ") WHERE "
        + keyColumns.stream().map(c -> quote(table) + "." + quote(c.name()) + " = k." + quote(c.name()))
            .collect(Collectors.joining(" AND "));
  }

  /** Lower-case column names of a table in the connection's current schema; empty if it is absent. */
  default Set<String> existingColumns(Connection connection, String table) throws SQLException {
    Set<String> columns = new LinkedHashSet<>();
    String sql = "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        + "AND table_name = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return columns;
  }
}
