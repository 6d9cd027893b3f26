package dev.groundstream.sinks.jdbc;

/** Database-neutral column types; each dialect spells them. */
public enum ColumnType {
  INT, BIGINT, REAL, DOUBLE, BOOLEAN, TEXT, BYTES, TIMESTAMP, DATE, TIME, DECIMAL,
  /** Maps and numeric arrays, stored as JSON text. */
  JSON
}
