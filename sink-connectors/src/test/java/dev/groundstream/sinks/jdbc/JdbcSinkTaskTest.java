package dev.groundstream.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.schemas.Topics;
import dev.groundstream.sinks.testing.ConnectRecords;
import dev.groundstream.sinks.testing.FreshDatabases;
import dev.groundstream.sinks.testing.RecordingSinkTaskContext;
import dev.groundstream.sinks.testing.TestDatabases;
import dev.groundstream.testing.SampleRecords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The task driven directly (no worker) against real PostgreSQL and DuckDB. */
class JdbcSinkTaskTest {
  /** One PostgreSQL schema or DuckDB file per test, so tests never see each other's rows. */
  @TempDir static Path dir;
  private static FreshDatabases databases;

  @BeforeAll
  static void databases() {
    databases = new FreshDatabases(dir, "task");
  }

  @AfterAll
  static void dropSchemas() throws Exception {
    databases.close();
  }

  private static String url(String dialect) throws java.io.IOException {
    return databases.url(dialect);
  }

  private static JdbcSinkTask start(String url, RecordingSinkTaskContext context, String batchSize) {
    JdbcSinkTask task = new JdbcSinkTask();
    task.initialize(context);
    task.start(Map.of("connection.url", url, "connection.user", "postgres", "batch.size", batchSize));
    return task;
  }

  private static Evaluation evaluation(int n, String version, boolean... hits) {
    List<PhraseEvaluation> phrases = new ArrayList<>();
    for (int p = 0; p < hits.length; p++) {
      phrases.add(PhraseEvaluation.newBuilder().setPhraseId("p" + p)
          .setTypes(p == 0 ? List.of(PhraseType.people, PhraseType.clothing) : List.of(PhraseType.animals))
          .setEvaluable(true).setHitAt1(hits[p]).setBestIou(hits[p] ? 0.8f : 0.1f).build());
    }
    Evaluation e = SampleRecords.evaluation(n);
    e.getModel().setVersion(version);
    e.setEventTime(Instant.parse("2026-11-20T08:00:00Z"));
    e.setPhrases(phrases);
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "duckdb"})
  void writesEvaluationsIntoParentAndChildTablesAndRedeliveryKeepsCounts(String dialect) throws Exception {
    String url = url(dialect);
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    JdbcSinkTask task = start(url, context, "2");
    List<SinkRecord> records = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      records.add(ConnectRecords.sinkRecord(Topics.EVALUATIONS, 0, n, evaluation(n, "1.0.0", true, false)));
    }
    task.put(records);
    task.put(records.subList(1, 4)); // redelivery
    task.stop();

    assertEquals(5, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations"));
    assertEquals(10, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations_phrases"));
    assertEquals(15, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations_phrases_types"));
    assertEquals(5, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations_phrases WHERE hit_at1"));
    assertEquals(5, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations WHERE model_version = '1.0.0'"
        + " AND event_time = TIMESTAMP '2026-11-20 08:00:00'"));
    assertTrue(context.reported.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "duckdb"})
  void anUpdatedEvaluationReplacesItsPhrases(String dialect) throws Exception {
    String url = url(dialect);
    JdbcSinkTask task = start(url, new RecordingSinkTaskContext(true), "100");
    task.put(List.of(ConnectRecords.sinkRecord(Topics.EVALUATIONS, 0, 0, evaluation(1, "1.0.0", true, true, true))));
    task.put(List.of(ConnectRecords.sinkRecord(Topics.EVALUATIONS, 0, 1, evaluation(1, "1.0.0", false))));
    task.stop();
    assertEquals(1, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations_phrases"));
    assertEquals(0, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations_phrases WHERE hit_at1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "duckdb"})
  void resultsKeepRankedBoxesAndHeatmapsAsJson(String dialect) throws Exception {
    String url = url(dialect);
    JdbcSinkTask task = start(url, new RecordingSinkTaskContext(true), "100");
    task.put(List.of(ConnectRecords.sinkRecord(Topics.RESULTS, 0, 0, SampleRecords.result(1, 3, 4)),
        ConnectRecords.sinkRecord(Topics.METRICS, 0, 0, SampleRecords.snapshot())));
    task.stop();
    assertEquals(12, TestDatabases.count(url, "SELECT count(*) FROM grounding_results_phrases_boxes"));
    assertEquals(3, TestDatabases.count(url, "SELECT count(*) FROM grounding_results_phrases_boxes WHERE ordinal = 0"));
    assertEquals(1, TestDatabases.count(url, "SELECT count(*) FROM grounding_results_phrases WHERE heatmap_values = '[0.25,0.75]'"));
    assertEquals(1, TestDatabases.count(url, "SELECT count(*) FROM grounding_metrics WHERE \"window\" = 'tumbling-1m'"));
    try (Connection c = TestDatabases.open(url); Statement s = c.createStatement();
         ResultSet r = s.executeQuery("SELECT r.timings_total_ms, p.point_x FROM grounding_results r JOIN grounding_results_phrases p "
             + "USING (request_id, model_name, model_version) WHERE p.phrase_id = 'p0'")) {
      assertTrue(r.next());
      assertEquals(25.0, r.getDouble(1), 1e-9);
      assertEquals(10.0, r.getDouble(2), 1e-6);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "duckdb"})
  void recordsThatCannotBeStoredGoToTheErrorReporterAndTheRestAreWritten(String dialect) throws Exception {
    String url = url(dialect);
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    JdbcSinkTask task = start(url, context, "100");
    SinkRecord notAStruct = new SinkRecord(Topics.EVALUATIONS, 0, null, null, Schema.STRING_SCHEMA, "garbage", 1);
    task.put(List.of(ConnectRecords.sinkRecord(Topics.EVALUATIONS, 0, 0, evaluation(1, "1.0.0", true)),
        notAStruct,
        ConnectRecords.sinkRecord(Topics.EVALUATIONS, 0, 2, evaluation(2, "1.0.0", true))));
    task.stop();
    assertEquals(2, TestDatabases.count(url, "SELECT count(*) FROM grounding_evaluations"));
    assertEquals(1, context.reported.size());
    assertEquals(1, context.reported.get(0).record().kafkaOffset());
  }

  @Test
  void transientErrorsAskForRedeliveryWithBackoff() throws Exception {
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(true);
    JdbcSinkTask task = new JdbcSinkTask();
    task.initialize(context);
    // Nothing listens on port 1: a connection error (SQLState 08001), which is transient.
    task.start(Map.of("connection.url", "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2",
        "max.retries", "2", "retry.backoff.ms", "50"));
    List<SinkRecord> records = List.of(ConnectRecords.sinkRecord(Topics.EVALUATIONS, 0, 0, evaluation(1, "1.0.0", true)));
    org.junit.jupiter.api.Assertions.assertThrows(org.apache.kafka.connect.errors.RetriableException.class, () -> task.put(records));
    assertEquals(50, context.lastTimeoutMs);
    org.junit.jupiter.api.Assertions.assertThrows(org.apache.kafka.connect.errors.RetriableException.class, () -> task.put(records));
    assertEquals(100, context.lastTimeoutMs);
    org.junit.jupiter.api.Assertions.assertThrows(org.apache.kafka.connect.errors.ConnectException.class, () -> task.put(records));
    task.stop();
  }
}
