package dev.groundstream.sinks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes flattened records in one transaction, idempotently: root rows are upserted by primary key;
 * child rows of those roots are deleted and inserted again, so a redelivered or updated record
 * leaves exactly its current phrases/boxes. Rows are grouped by table and column list and sent as
 * multi-row statements (up to {@value #MAX_ROWS_PER_STATEMENT} rows, within the parameter limit). The caller commits or rolls back. On DuckDB the child deletes are committed before the
 * inserts (see {@link SqlDialect#reinsertsDeletedKeysInOneTransaction()}): a crash in between leaves
 * a root row without children until the uncommitted offsets are redelivered and rewrite them.
 */
final class BatchWriter {
  static final int MAX_ROWS_PER_STATEMENT = 500;
  /** PostgreSQL's wire protocol allows 32767 bind parameters per statement. */
  private static final int MAX_PARAMETERS = 32_000;
  private final SqlDialect dialect;

  BatchWriter(SqlDialect dialect) {
    this.dialect = dialect;
  }

  private record StatementKey(String table, List<String> columns) {}

  void write(Connection connection, List<FlatRecord> records) throws SQLException {
    // Later versions of the same root row win; writing both would only waste work.
    Map<List<Object>, FlatRecord> latest = new LinkedHashMap<>();
    for (FlatRecord record : records) {
      List<Object> identity = new ArrayList<>(record.rootKey());
      identity.add(0, record.plan().root().name());
      latest.remove(identity);
      latest.put(identity, record);
    }
    List<FlatRecord> unique = List.copyOf(latest.values());
    upsertRoots(connection, unique);
    deleteChildren(connection, unique);
    if (!dialect.reinsertsDeletedKeysInOneTransaction()) {
      connection.commit();
    }
    insertChildren(connection, unique);
  }

  private void upsertRoots(Connection connection, List<FlatRecord> records) throws SQLException {
    Map<StatementKey, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    Map<StatementKey, TableSpec> specs = new LinkedHashMap<>();
    for (FlatRecord record : records) {
      TableSpec root = record.plan().root();
      for (Map<String, Object> row : record.rows().get(root.name())) {
        StatementKey key = new StatementKey(root.name(), List.copyOf(row.keySet()));
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        specs.putIfAbsent(key, root);
      }
    }
    for (Map.Entry<StatementKey, List<Map<String, Object>>> group : groups.entrySet()) {
      TableSpec table = specs.get(group.getKey());
      execute(connection, n -> dialect.upsert(table.name(), group.getKey().columns(), table.primaryKey(), n),
          table, group.getKey().columns(), group.getValue());
    }
  }

  private void deleteChildren(Connection connection, List<FlatRecord> records) throws SQLException {
    Map<String, List<Map<String, Object>>> keysByTable = new LinkedHashMap<>();
    Map<String, TableSpec> specs = new LinkedHashMap<>();
    for (FlatRecord record : records) {
      TableSpec root = record.plan().root();
      Map<String, Object> rootRow = record.rows().get(root.name()).get(0);
      Map<String, Object> key = new LinkedHashMap<>();
      root.primaryKey().forEach(column -> key.put(column, rootRow.get(column)));
      for (TableSpec child : record.plan().children()) {
        keysByTable.computeIfAbsent(child.name(), t -> new ArrayList<>()).add(key);
        specs.putIfAbsent(child.name(), child);
      }
    }
    for (Map.Entry<String, List<Map<String, Object>>> entry : keysByTable.entrySet()) {
      TableSpec child = specs.get(entry.getKey());
      List<ColumnSpec> keyColumns = child.rootKey().stream().map(c -> child.column(c).orElseThrow()).toList();
      execute(connection, n -> dialect.deleteByKeys(child.name(), keyColumns, n), child, child.rootKey(),
          entry.getValue());
    }
  }

  private void insertChildren(Connection connection, List<FlatRecord> records) throws SQLException {
    Map<StatementKey, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    Map<StatementKey, TableSpec> specs = new LinkedHashMap<>();
    for (FlatRecord record : records) {
      for (TableSpec child : record.plan().children()) {
        for (Map<String, Object> row : record.rows().get(child.name())) {
          StatementKey key = new StatementKey(child.name(), List.copyOf(row.keySet()));
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
          specs.putIfAbsent(key, child);
        }
      }
    }
    for (Map.Entry<StatementKey, List<Map<String, Object>>> group : groups.entrySet()) {
      TableSpec table = specs.get(group.getKey());
      execute(connection, n -> dialect.upsert(table.name(), group.getKey().columns(), table.primaryKey(), n),
          table, group.getKey().columns(), group.getValue());
    }
  }

  /** Runs {@code sqlForRows(n)} once per chunk of n rows, binding the rows' columns in order. */
  private void execute(Connection connection, java.util.function.IntFunction<String> sqlForRows, TableSpec table,
                       List<String> columns, List<Map<String, Object>> rows) throws SQLException {
    List<ColumnType> types = columns.stream()
        .map(c -> table.column(c).orElseThrow(() -> new IllegalStateException("No column " + c + " in " + table.name())).type())
        .toList();
    int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, MAX_PARAMETERS / columns.size()));
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
      try (PreparedStatement statement = connection.prepareStatement(sqlForRows.apply(chunk.size()))) {
        int index = 1;
        for (Map<String, Object> row : chunk) {
          for (int i = 0; i < columns.size(); i++) {
            dialect.bind(statement, index++, types.get(i), row.get(columns.get(i)));
          }
        }
        statement.executeUpdate();
      }
    }
  }
}
