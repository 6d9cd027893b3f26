package dev.groundstream.sinks.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * A table the sink writes, derived from a record schema: its columns, its primary key and, for
 * child tables, the columns of the root key (rows of a child are replaced when their root row is).
 */
public record TableSpec(String name, List<ColumnSpec> columns, List<String> primaryKey, List<String> rootKey) {
  public TableSpec {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    rootKey = List.copyOf(rootKey);
  }

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
