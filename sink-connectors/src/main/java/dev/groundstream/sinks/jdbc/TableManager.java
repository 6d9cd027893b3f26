package dev.groundstream.sinks.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the database match a {@link TablePlan}: creates missing tables and adds missing columns
 * (always nullable, so rows written with an older schema version stay valid). What it has seen is
 * cached, so steady state costs no metadata query.
 */
final class TableManager {
  private static final Logger LOG = LoggerFactory.getLogger(TableManager.class);

  private final SqlDialect dialect;
  private final boolean autoCreate;
  private final boolean autoEvolve;
  private final Map<String, Set<String>> knownColumns = new HashMap<>();
  private final Set<TablePlan> ensured = Collections.newSetFromMap(new IdentityHashMap<>());

  TableManager(SqlDialect dialect, boolean autoCreate, boolean autoEvolve) {
    this.dialect = dialect;
    this.autoCreate = autoCreate;
    this.autoEvolve = autoEvolve;
  }

  /** Runs DDL in its own committed transaction when something is missing. */
  void ensure(Connection connection, TablePlan plan) throws SQLException {
    if (ensured.contains(plan)) {
      return;
    }
    boolean changed = false;
    for (TableSpec table : plan.all()) {
      changed |= ensureTable(connection, table);
    }
    if (changed) {
      connection.commit();
    }
    ensured.add(plan);
  }

  /** Forgets the cache: after a rollback the DDL of the failed transaction may be gone. */
  void forget() {
    knownColumns.clear();
    ensured.clear();
  }

  private boolean ensureTable(Connection connection, TableSpec table) throws SQLException {
    Set<String> existing = knownColumns.get(table.name());
    if (existing == null) {
      existing = dialect.existingColumns(connection, table.name());
      knownColumns.put(table.name(), existing);
    }
    boolean changed = false;
    try (Statement statement = connection.createStatement()) {
      if (existing.isEmpty()) {
        if (!autoCreate) {
          throw new ConnectException("Table " + table.name() + " does not exist and auto.create is false");
        }
        LOG.info("Creating table {} with key {}", table.name(), table.primaryKey());
        statement.execute(dialect.createTable(table));
        table.columns().forEach(c -> knownColumns.get(table.name()).add(c.name()));
        return true;
      }
      for (ColumnSpec column : table.columns()) {
        if (!existing.contains(column.name())) {
          if (!autoEvolve) {
            throw new ConnectException("Table " + table.name() + " lacks column " + column.name()
                + " and auto.evolve is false");
          }
          LOG.info("Adding nullable column {}.{} {}", table.name(), column.name(), column.type());
          statement.execute(dialect.addColumn(table.name(), column));
          existing.add(column.name());
          changed = true;
        }
      }
    }
    return changed;
  }
}
