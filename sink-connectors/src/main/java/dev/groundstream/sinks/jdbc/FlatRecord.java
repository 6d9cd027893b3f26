package dev.groundstream.sinks.jdbc;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One sink record as rows: per table (root first), the rows to write; each row maps column names
 * to JDBC-ready values. {@code rootKey} identifies the root row (and all its child rows).
 */
public record FlatRecord(SinkRecord source, TablePlan plan, List<Object> rootKey,
                         Map<String, List<Map<String, Object>>> rows) {}
