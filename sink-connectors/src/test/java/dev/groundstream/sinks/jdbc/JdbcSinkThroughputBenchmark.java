package dev.groundstream.sinks.jdbc;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.schemas.serde.AvroSerializer;
import dev.groundstream.sinks.testing.ConnectRecords;
import dev.groundstream.sinks.testing.ConnectWorker;
import dev.groundstream.sinks.testing.Eventually;
import dev.groundstream.sinks.testing.TestDatabases;
import dev.groundstream.testing.KafkaTestCluster;
import dev.groundstream.testing.SampleRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows/s through a real Connect worker (Kafka -> Avro converter -> flatten -> upsert) against a
 * bare JDBC batch insert of the same rows into identical tables, in the same run. Not part of the
 * default build: {@code mvn -pl sink-connectors test -Dtest=JdbcSinkThroughputBenchmark
 * -Dexcluded.groups=none}. Writes target/benchmark-results.md.
 */
@Tag("benchmark")
class JdbcSinkThroughputBenchmark {
  private static final String TOPIC = "grounding.evaluations";
  private static final int RECORDS = Integer.getInteger("benchmark.records", 20_000);
  private static final int BATCH = 3000;
  private static final int PHRASES = 3;
  @TempDir Path dir;

  private static Evaluation evaluation(int n) {
    List<PhraseEvaluation> phrases = new ArrayList<>();
    for (int p = 0; p < PHRASES; p++) {
      phrases.add(PhraseEvaluation.newBuilder().setPhraseId("p" + p).setTypes(List.of(PhraseType.values()[p]))
          .setEvaluable(true).setBestIou(0.1f * p).setHitAt1(p % 2 == 0).setTop1Score(0.9f).build());
    }
    Evaluation e = SampleRecords.evaluation(n);
    e.setPhrases(phrases);
    return e;
  }

  @Test
  void connectVersusBareJdbc() throws Exception {
    String pgSchema = TestDatabases.createPostgresSchema("gs_bench");
    StringBuilder report = new StringBuilder("| database | path | records | rows | seconds | records/s | rows/s |\n|---|---|---|---|---|---|---|\n");
    try (KafkaTestCluster kafka = KafkaTestCluster.start();
         SchemaRegistryServer registry = SchemaRegistryServer.start(
             SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()))) {
      try (Admin admin = kafka.admin()) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
      }
      Map<String, Object> producerConfig = new HashMap<>();
      producerConfig.put("bootstrap.servers", kafka.bootstrapServers());
      producerConfig.put("schema.registry.url", registry.url());
      producerConfig.put("key.serializer", AvroSerializer.class.getName());
      producerConfig.put("value.serializer", AvroSerializer.class.getName());
      producerConfig.put("linger.ms", "20");
      try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(producerConfig)) {
        for (int n = 0; n < RECORDS; n++) {
          Evaluation value = evaluation(n);
          producer.send(new ProducerRecord<>(TOPIC, new EvaluationKey(value.getRequestId(), "m:1"), value));
        }
      }
      long rowsPerRecord = 1 + 2L * PHRASES;
      try (ConnectWorker worker = ConnectWorker.start(kafka.bootstrapServers(), registry.url(), dir,
          Map.of("consumer.max.poll.records", Integer.toString(BATCH), "consumer.fetch.max.bytes", "52428800"))) {
        String pgUrl = TestDatabases.postgresUrl(pgSchema);
        String duckUrl = TestDatabases.duckDbUrl(Files.createDirectories(dir.resolve("duck")));
        for (String url : List.of(pgUrl, duckUrl)) {
          String db = url.startsWith("jdbc:duckdb:") ? "DuckDB" : "PostgreSQL";
          double bare = bareInsertSeconds(url);
          report.append(row(db, "bare JDBC batch insert", bare, rowsPerRecord));
          double connect = connectSeconds(worker, url, db);
          report.append(row(db, "Connect worker + JDBC sink", connect, rowsPerRecord));
          report.append("| ").append(db).append(" | ratio Connect / bare | | | | ")
              .append(String.format("%.2fx", bare / connect)).append(" | |\n");
        }
      }
    } finally {
      TestDatabases.dropPostgresSchema(pgSchema);
    }
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark-results.md"), report.toString());
  }

  private static String row(String db, String path, double seconds, long rowsPerRecord) {
    return String.format("| %s | %s | %d | %d | %.2f | %.0f | %.0f |%n", db, path, RECORDS, RECORDS * rowsPerRecord,
        seconds, RECORDS / seconds, RECORDS * rowsPerRecord / seconds);
  }

  /**
   * Seconds the worker needed for all records, counted from the first committed row (so the
   * consumer group join and task start, which say nothing about throughput, are left out), scaled
   * to the whole record count: (seconds after the first row) * RECORDS / (RECORDS - rows seen then).
   */
  private static double connectSeconds(ConnectWorker worker, String url, String db) throws Exception {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", JdbcSinkConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("topics", TOPIC);
    config.put("connection.url", url);
    config.put("connection.user", "postgres");
    config.put("batch.size", Integer.toString(BATCH));
    worker.putConnector("bench-" + db.toLowerCase(), config);
    String countSql = "SELECT count(*) FROM grounding_evaluations";
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    long firstSeen = -1;
    long seenAtFirst = 0;
    // One polling connection, a count every 100 ms: the observer should cost the writer little.
    try (Connection poll = TestDatabases.open(url)) {
    while (System.nanoTime() < deadline) {
      long rows = 0;
      try (Statement s = poll.createStatement(); java.sql.ResultSet r = s.executeQuery(countSql)) {
        r.next();
        rows = r.getLong(1);
      } catch (java.sql.SQLException notCreatedYet) {
        if (!poll.getAutoCommit()) {
          poll.rollback();
        }
      }
      if (rows > 0 && firstSeen < 0) {
        firstSeen = System.nanoTime();
        seenAtFirst = rows;
      }
      if (rows == RECORDS && seenAtFirst < RECORDS) {
        Eventually.equal((long) RECORDS * PHRASES,
            () -> TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations_phrases_types"),
            Duration.ofSeconds(30), db + " child rows");
        return (System.nanoTime() - firstSeen) / 1e9 * RECORDS / (RECORDS - seenAtFirst);
      }
      Thread.sleep(100);
    }
    }
    throw new AssertionError(db + ": not all records arrived through Connect");
  }

  /** The same rows (flattened once, outside the clock) inserted with plain batched INSERTs. */
  private static double bareInsertSeconds(String url) throws Exception {
    TablePlanner planner = new TablePlanner(List.of(), "phraseId");
    RowFlattener flattener = new RowFlattener();
    List<FlatRecord> flat = new ArrayList<>();
    TablePlan plan = null;
    for (int n = 0; n < RECORDS; n++) {
      var record = ConnectRecords.sinkRecord(TOPIC, 0, n, evaluation(n));
      if (plan == null) {
        plan = planner.plan("bare_evaluations", record.valueSchema());
      }
      flat.add(flattener.flatten(record, plan));
    }
    SqlDialect dialect = SqlDialects.byName(SqlDialects.nameForUrl(url));
    try (Connection c = TestDatabases.open(url)) {
      try (Statement s = c.createStatement()) {
        for (TableSpec table : plan.all()) {
          s.execute(dialect.createTable(table));
        }
      }
      c.setAutoCommit(false);
      long start = System.nanoTime();
      for (int from = 0; from < RECORDS; from += BATCH) {
        List<FlatRecord> batch = flat.subList(from, Math.min(RECORDS, from + BATCH));
        for (TableSpec table : plan.all()) {
          List<String> columns = table.columns().stream().map(ColumnSpec::name).toList();
          String sql = "INSERT INTO " + dialect.quote(table.name()) + " ("
              + columns.stream().map(dialect::quote).collect(Collectors.joining(", ")) + ") VALUES ("
              + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
          try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (FlatRecord record : batch) {
              for (Map<String, Object> row : record.rows().get(table.name())) {
                for (int i = 0; i < columns.size(); i++) {
                  dialect.bind(insert, i + 1, table.columns().get(i).type(), row.get(columns.get(i)));
                }
                insert.addBatch();
              }
            }
            insert.executeBatch();
          }
        }
        c.commit();
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }
}
