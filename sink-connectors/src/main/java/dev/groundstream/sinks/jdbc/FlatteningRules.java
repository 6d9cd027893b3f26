package dev.groundstream.sinks.jdbc;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The one place that decides how a field is stored, shared by {@link TablePlanner} (schemas) and
 * {@link RowFlattener} (values) so both always agree:
 * <ul>
 *   <li>nested structs are flattened into prefixed columns (model.name -> model_name);</li>
 *   <li>arrays of structs and of strings/enums become child tables (rows, so SQL can join and
 *       group by them: phrases, boxes, phrase types);</li>
 *   <li>other arrays (numeric vectors such as heatmap values) and maps become a JSON column;</li>
 *   <li>everything else is one scalar column.</li>
 * </ul>
 */
final class FlatteningRules {
  /** Position of an element in its array (0 = first, which for boxes is the best ranked). */
  static final String ORDINAL = "ordinal";
  /** Column of child tables made from arrays of strings or enums. */
  static final String VALUE = "value";

  enum Storage { NESTED, CHILD_TABLE, JSON, SCALAR }

  private FlatteningRules() {}

  static Storage storageOf(Schema schema) {
    switch (schema.type()) {
      case STRUCT:
        return Storage.NESTED;
      case ARRAY: {
        Schema.Type element = schema.valueSchema().type();
        return element == Schema.Type.STRUCT || element == Schema.Type.STRING ? Storage.CHILD_TABLE : Storage.JSON;
      }
      case MAP:
        return Storage.JSON;
      default:
        return Storage.SCALAR;
    }
  }

  static ColumnType scalarType(Schema schema) {
    String logical = schema.name();
    if (Timestamp.LOGICAL_NAME.equals(logical)) {
      return ColumnType.TIMESTAMP;
    }
    if (Date.LOGICAL_NAME.equals(logical)) {
      return ColumnType.DATE;
    }
    if (Time.LOGICAL_NAME.equals(logical)) {
      return ColumnType.TIME;
    }
    if (Decimal.LOGICAL_NAME.equals(logical)) {
      return ColumnType.DECIMAL;
    }
    return switch (schema.type()) {
      case INT8, INT16, INT32 -> ColumnType.INT;
      case INT64 -> ColumnType.BIGINT;
      case FLOAT32 -> ColumnType.REAL;
      case FLOAT64 -> ColumnType.DOUBLE;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case STRING -> ColumnType.TEXT;
      case BYTES -> ColumnType.BYTES;
      default -> throw new DataException("No column type for Connect type " + schema.type());
    };
  }
}
