package dev.groundstream.sinks.jdbc;

/** One column of a table the sink writes: flattened snake_case name and neutral type. */
public record ColumnSpec(String name, ColumnType type) {}
