package dev.groundstream.sinks.jdbc;

import dev.groundstream.sinks.SinkVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each put() synchronously, batch.size records per transaction, so the offsets Connect
 * commits afterwards are always covered by committed rows; a redelivery after a crash upserts the
 * same rows again. Transient database errors roll back and ask Connect to redeliver after a
 * backoff; records the database rejects for their content go to the errant record reporter while
 * the rest of their batch is written.
 */
public class JdbcSinkTask extends SinkTask {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSinkTask.class);
  private static final long MAX_BACKOFF_MS = 60_000;

  private JdbcSinkConfig config;
  private SqlDialect dialect;
  private JdbcConnections connections;
  private TablePlanner planner;
  private final RowFlattener flattener = new RowFlattener();
  private TableManager tables;
  private BatchWriter writer;
  private static final int MAX_IDENTITY_CACHE = 64;
  private final Map<String, Map<Schema, TablePlan>> plans = new HashMap<>();
  private final Map<String, Map<Schema, TablePlan>> plansByIdentity = new HashMap<>();
  private Connection connection;
  private int retriesLeft;

  @Override
  public String version() {
    return SinkVersion.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    config = new JdbcSinkConfig(props);
    dialect = SqlDialects.byName(config.dialectName());
    connections = new JdbcConnections(dialect, config);
    planner = new TablePlanner(config.pkFields(), config.childKeyField());
    tables = new TableManager(dialect, config.autoCreate(), config.autoEvolve());
    writer = new BatchWriter(dialect);
    retriesLeft = config.maxRetries();
    LOG.info("JDBC sink task started: dialect {}, batch size {}", dialect.name(), config.batchSize());
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    List<FlatRecord> flat = new ArrayList<>(records.size());
    for (SinkRecord record : records) {
      if (record.value() == null) {
        LOG.debug("Skipping tombstone at {}-{}@{}", record.topic(), record.kafkaPartition(), record.kafkaOffset());
        continue;
      }
      try {
        flat.add(flattener.flatten(record, planFor(record)));
      } catch (DataException e) {
        reportBad(record, e);
      }
    }
    try {
      for (int from = 0; from < flat.size(); from += config.batchSize()) {
        writeBatch(flat.subList(from, Math.min(flat.size(), from + config.batchSize())));
      }
      retriesLeft = config.maxRetries();
    } catch (SQLException e) {
      throw retryOrFail(e);
    }
  }

  /**
   * Avro converters hand out one Schema instance per schema version, so an identity lookup usually
   * answers without hashing a deep schema; converters that build a new instance per record fall
   * through to the structural map (and the identity cache is cleared before it grows large).
   */
  private TablePlan planFor(SinkRecord record) {
    Map<Schema, TablePlan> byIdentity = plansByIdentity.computeIfAbsent(record.topic(), t -> new IdentityHashMap<>());
    TablePlan plan = byIdentity.get(record.valueSchema());
    if (plan == null) {
      plan = plans.computeIfAbsent(record.topic(), t -> new HashMap<>()).computeIfAbsent(record.valueSchema(),
          s -> planner.plan(SqlNames.rootTable(config.tableNameFormat(), record.topic()), s));
      if (byIdentity.size() >= MAX_IDENTITY_CACHE) {
        byIdentity.clear();
      }
      byIdentity.put(record.valueSchema(), plan);
    }
    return plan;
  }

  /** One transaction for the batch; if the database rejects its content, one per record. */
  private void writeBatch(List<FlatRecord> batch) throws SQLException {
    try {
      writeAndCommit(batch);
    } catch (SQLException e) {
      rollbackQuietly();
      if (dialect.isTransient(e)) {
        throw e;
      }
      if (batch.size() == 1) {
        reportBad(batch.get(0).source(), e);
        return;
      }
      LOG.warn("Batch of {} records failed ({}); writing them one by one to isolate the bad ones",
          batch.size(), e.getMessage());
      for (FlatRecord record : batch) {
        writeBatch(List.of(record));
      }
    }
  }

  private void writeAndCommit(List<FlatRecord> batch) throws SQLException {
    Connection c = connection();
    for (FlatRecord record : batch) {
      tables.ensure(c, record.plan());
    }
    writer.write(c, batch);
    c.commit();
  }

  private RuntimeException retryOrFail(SQLException e) {
    closeConnection();
    if (retriesLeft <= 0) {
      return new ConnectException("Database write failed after " + config.maxRetries() + " retries: " + e, e);
    }
    int attempt = config.maxRetries() - retriesLeft;
    retriesLeft--;
    long backoff = Math.min(MAX_BACKOFF_MS, config.retryBackoffMs() << Math.min(attempt, 20));
    LOG.warn("Transient database error, retry {} of {} in {} ms: {}", attempt + 1, config.maxRetries(), backoff,
        e.getMessage());
    context.timeout(backoff);
    return new RetriableException("Transient database error: " + e.getMessage(), e);
  }

  private void reportBad(SinkRecord record, Exception reason) {
    ErrantRecordReporter reporter = context == null ? null : context.errantRecordReporter();
    if (reporter == null) {
      throw new ConnectException("Cannot write record " + record.topic() + "-" + record.kafkaPartition() + "@"
          + record.kafkaOffset() + " and no error reporter is configured (errors.tolerance): " + reason, reason);
    }
    LOG.warn("Sending record {}-{}@{} to the error reporter: {}", record.topic(), record.kafkaPartition(),
        record.kafkaOffset(), reason.getMessage());
    reporter.report(record, reason);
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = connections.open();
      tables.forget();
    }
    return connection;
  }

  private void rollbackQuietly() {
    try {
      if (connection != null && !connection.isClosed()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      LOG.debug("Rollback failed; dropping the connection", e);
      closeConnection();
    }
    tables.forget();
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing the connection failed", e);
      }
      connection = null;
    }
  }

  @Override
  public void stop() {
    closeConnection();
  }
}
