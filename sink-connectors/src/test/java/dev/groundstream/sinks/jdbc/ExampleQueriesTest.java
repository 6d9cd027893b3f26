package dev.groundstream.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.schemas.Topics;
import dev.groundstream.sinks.testing.ConnectRecords;
import dev.groundstream.sinks.testing.RecordingSinkTaskContext;
import dev.groundstream.sinks.testing.FreshDatabases;
import dev.groundstream.sinks.testing.TestDatabases;
import dev.groundstream.testing.SampleRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the example SQL of README.md, exactly as written there, on both databases and checks the
 * numbers against hand-computed expectations.
 */
class ExampleQueriesTest {
  @TempDir static Path dir;
  private static FreshDatabases databases;

  @BeforeAll
  static void databases() {
    databases = new FreshDatabases(dir, "queries");
  }

  @AfterAll
  static void dropSchemas() throws Exception {
    databases.close();
  }

  /** The ```sql block that follows {@code <!-- example-query: name -->} in README.md. */
  static String readmeQuery(String name) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("<!-- example-query: " + Pattern.quote(name) + " -->\\s*```sql\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme);
    assertTrue(m.find(), "README.md has no example query " + name);
    return m.group(1).trim().replaceAll(";$", "");
  }

  private static Evaluation evaluation(int request, String version, Instant eventTime, boolean p0Hit, boolean p1Hit) {
    Evaluation e = SampleRecords.evaluation(request);
    e.getModel().setVersion(version);
    e.setEventTime(eventTime);
    e.setPhrases(List.of(
        PhraseEvaluation.newBuilder().setPhraseId("p0").setTypes(List.of(PhraseType.people, PhraseType.clothing))
            .setEvaluable(true).setHitAt1(p0Hit).build(),
        PhraseEvaluation.newBuilder().setPhraseId("p1").setTypes(List.of(PhraseType.animals))
            .setEvaluable(true).setHitAt1(p1Hit).build(),
        PhraseEvaluation.newBuilder().setPhraseId("p2").setTypes(List.of(PhraseType.notvisual))
            .setEvaluable(false).build()));
    return e;
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "duckdb"})
  void theReadmeQueriesAnswerTheQuestionsTheyClaimTo(String dialect) throws Exception {
    String url = databases.url(dialect);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant lastMonth = now.minus(Duration.ofDays(30));
    List<SinkRecord> records = new ArrayList<>();
    long offset = 0;
    // v1: request 0 hits both, 1 hits p0 only, 2 hits none; request 9 is old (not this week).
    for (Evaluation e : List.of(evaluation(0, "1.0.0", now, true, true), evaluation(1, "1.0.0", now, true, false),
        evaluation(2, "1.0.0", now, false, false), evaluation(9, "1.0.0", lastMonth, true, true),
        // v2: request 0 misses p0 (v1 had it), 1 hits both, 2 hits p1 only.
        evaluation(0, "2.0.0", now, false, true), evaluation(1, "2.0.0", now, true, true),
        evaluation(2, "2.0.0", now, false, true))) {
      records.add(ConnectRecords.sinkRecord(Topics.EVALUATIONS, 0, offset++, e));
    }
    JdbcSinkTask task = new JdbcSinkTask();
    task.initialize(new RecordingSinkTaskContext(false));
    task.start(Map.of("connection.url", url, "connection.user", "postgres"));
    task.put(records);
    task.stop();

    Map<String, String> accuracy = new LinkedHashMap<>();
    try (Connection c = TestDatabases.open(url); Statement s = c.createStatement();
         ResultSet r = s.executeQuery(readmeQuery("accuracy-per-model-and-type-this-week"))) {
      while (r.next()) {
        accuracy.put(r.getString("model_version") + " " + r.getString("type"),
            r.getLong("evaluable_phrases") + " " + String.format("%.3f", r.getDouble("recall_at1")));
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("1.0.0 animals", "3 0.333");
    expected.put("1.0.0 clothing", "3 0.667");
    expected.put("1.0.0 people", "3 0.667");
    expected.put("2.0.0 animals", "3 1.000");
    expected.put("2.0.0 clothing", "3 0.333");
    expected.put("2.0.0 people", "3 0.333");
    assertEquals(expected, accuracy);

    List<String> regressions = new ArrayList<>();
    try (Connection c = TestDatabases.open(url); Statement s = c.createStatement();
         ResultSet r = s.executeQuery(readmeQuery("v2-wrong-where-v1-right"))) {
      while (r.next()) {
        regressions.add(r.getString("request_id") + " " + r.getString("phrase_id"));
      }
    }
    assertEquals(List.of(SampleRecords.requestId(0) + " p0"), regressions);
  }
}
