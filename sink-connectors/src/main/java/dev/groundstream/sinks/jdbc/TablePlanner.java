package dev.groundstream.sinks.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/** Derives the tables of a record schema following {@link FlatteningRules}. */
public final class TablePlanner {
  private final List<String> configuredPk;
  private final String childKeyField;

  public TablePlanner(List<String> configuredPk, String childKeyField) {
    this.configuredPk = List.copyOf(configuredPk);
    this.childKeyField = childKeyField;
  }

  private record ArrayField(String name, Schema schema) {}

  public TablePlan plan(String rootTable, Schema schema) {
    if (schema == null || schema.type() != Schema.Type.STRUCT) {
      throw new DataException("The JDBC sink needs record values with a struct schema (use the Avro converter); got "
          + (schema == null ? "no schema" : schema.type()));
    }
    List<String> pk = PrimaryKeys.forSchema(schema.name(), configuredPk);
    if (pk.isEmpty()) {
      throw new DataException("No primary key for records of schema " + schema.name() + " (table " + rootTable
          + "): set " + JdbcSinkConfig.PK_FIELDS);
    }
    Map<String, ColumnSpec> columns = new LinkedHashMap<>();
    List<ArrayField> arrays = new ArrayList<>();
    addColumns(columns, schema, "", arrays);
    for (String key : pk) {
      if (!columns.containsKey(key)) {
        throw new DataException("Primary key column " + key + " is not a column of " + rootTable + " (columns: "
            + columns.keySet() + ")");
      }
    }
    TableSpec root = new TableSpec(rootTable, List.copyOf(columns.values()), pk, pk);
    List<TableSpec> children = new ArrayList<>();
    for (ArrayField array : arrays) {
      planChild(root, array, children);
    }
    return new TablePlan(root, children);
  }

  private void planChild(TableSpec parent, ArrayField array, List<TableSpec> out) {
    String name = SqlNames.childTable(parent.name(), array.name());
    Map<String, ColumnSpec> columns = new LinkedHashMap<>();
    for (String key : parent.primaryKey()) {
      columns.put(key, parent.column(key).orElseThrow());
    }
    columns.put(FlatteningRules.ORDINAL, new ColumnSpec(FlatteningRules.ORDINAL, ColumnType.INT));
    Schema element = array.schema().valueSchema();
    List<String> pk = new ArrayList<>(parent.primaryKey());
    List<ArrayField> nested = new ArrayList<>();
    if (element.type() == Schema.Type.STRUCT) {
      addColumns(columns, element, "", nested);
      Field keyField = element.field(childKeyField);
      pk.add(keyField != null && keyField.schema().type() == Schema.Type.STRING
          ? SqlNames.snake(childKeyField) : FlatteningRules.ORDINAL);
    } else {
      columns.put(FlatteningRules.VALUE, new ColumnSpec(FlatteningRules.VALUE, ColumnType.TEXT));
      pk.add(FlatteningRules.ORDINAL);
    }
    TableSpec child = new TableSpec(name, List.copyOf(columns.values()), pk, parent.rootKey());
    out.add(child);
    for (ArrayField array2 : nested) {
      planChild(child, array2, out);
    }
  }

  /** Inherited key columns win over element fields of the same name (putIfAbsent). */
  private static void addColumns(Map<String, ColumnSpec> columns, Schema struct, String prefix, List<ArrayField> arrays) {
    for (Field field : struct.fields()) {
      String name = prefix + SqlNames.snake(field.name());
      Schema schema = field.schema();
      switch (FlatteningRules.storageOf(schema)) {
        case NESTED -> addColumns(columns, schema, name + "_", arrays);
        case CHILD_TABLE -> arrays.add(new ArrayField(name, schema));
        case JSON -> columns.putIfAbsent(name, new ColumnSpec(name, ColumnType.JSON));
        case SCALAR -> columns.putIfAbsent(name, new ColumnSpec(name, FlatteningRules.scalarType(schema)));
      }
    }
  }
}
