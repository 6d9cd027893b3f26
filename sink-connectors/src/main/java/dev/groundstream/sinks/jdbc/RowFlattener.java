package dev.groundstream.sinks.jdbc;

import dev.groundstream.sinks.ConnectValueJson;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Turns a record value into the rows of its {@link TablePlan}, following {@link FlatteningRules}. */
public final class RowFlattener {
  private record PendingArray(String name, Schema schema, List<?> values) {}

  public FlatRecord flatten(SinkRecord record, TablePlan plan) {
    if (!(record.value() instanceof Struct value)) {
      throw new DataException("Record value is not a Struct: " + (record.value() == null ? "null"
          : record.value().getClass().getName()));
    }
    value.validate();
    Map<String, TableSpec> tables = plan.byName();
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (TableSpec table : plan.all()) {
      rows.put(table.name(), new ArrayList<>());
    }
    Map<String, Object> root = new LinkedHashMap<>();
    List<PendingArray> arrays = new ArrayList<>();
    fill(root, value.schema(), value, "", arrays);
    List<Object> rootKey = keyOf(plan.root(), root);
    rows.get(plan.root().name()).add(root);
    for (PendingArray array : arrays) {
      addChildRows(tables, plan.root(), root, array, rows);
    }
    return new FlatRecord(record, plan, rootKey, rows);
  }

  private void addChildRows(Map<String, TableSpec> tables, TableSpec parent, Map<String, Object> parentRow,
                            PendingArray array, Map<String, List<Map<String, Object>>> rows) {
    TableSpec table = tables.get(SqlNames.childTable(parent.name(), array.name()));
    Schema element = array.schema().valueSchema();
    for (int i = 0; i < array.values().size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String key : parent.primaryKey()) {
        row.put(key, parentRow.get(key));
      }
      row.put(FlatteningRules.ORDINAL, i);
      List<PendingArray> nested = new ArrayList<>();
      Object item = array.values().get(i);
      if (element.type() == Schema.Type.STRUCT) {
        fill(row, element, (Struct) item, "", nested);
      } else {
        row.put(FlatteningRules.VALUE, item);
      }
      keyOf(table, row);
      rows.get(table.name()).add(row);
      for (PendingArray child : nested) {
        addChildRows(tables, table, row, child, rows);
      }
    }
  }

  private static void fill(Map<String, Object> row, Schema schema, Struct struct, String prefix, List<PendingArray> arrays) {
    for (Field field : schema.fields()) {
      String name = prefix + SqlNames.snake(field.name());
      Object value = struct == null ? null : struct.get(field);
      Schema fieldSchema = field.schema();
      switch (FlatteningRules.storageOf(fieldSchema)) {
        case NESTED -> fill(row, fieldSchema, (Struct) value, name + "_", arrays);
        case CHILD_TABLE -> {
          if (value != null) {
            arrays.add(new PendingArray(name, fieldSchema, (List<?>) value));
          }
        }
        case JSON -> row.putIfAbsent(name, value == null ? null : ConnectValueJson.toJson(fieldSchema, value));
        case SCALAR -> row.putIfAbsent(name, value instanceof ByteBuffer buffer ? bytes(buffer) : value);
      }
    }
  }

  private static List<Object> keyOf(TableSpec table, Map<String, Object> row) {
    List<Object> key = new ArrayList<>();
    for (String column : table.primaryKey()) {
      Object value = row.get(column);
      if (value == null) {
        throw new DataException("Key column " + column + " of table " + table.name() + " is null");
      }
      key.add(value);
    }
    return key;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
