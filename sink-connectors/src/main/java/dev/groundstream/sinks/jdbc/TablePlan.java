package dev.groundstream.sinks.jdbc;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The root table of one record schema plus its child tables (arrays), parents before children. */
public record TablePlan(TableSpec root, List<TableSpec> children) {
  public TablePlan {
    children = List.copyOf(children);
  }

  public List<TableSpec> all() {
    return Stream.concat(Stream.of(root), children.stream()).toList();
  }

  public Map<String, TableSpec> byName() {
    return all().stream().collect(Collectors.toMap(TableSpec::name, Function.identity()));
  }
}
