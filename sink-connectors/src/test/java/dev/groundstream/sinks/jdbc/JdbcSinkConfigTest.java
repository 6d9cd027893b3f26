package dev.groundstream.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.sinks.file.FileSinkConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.junit.jupiter.api.Test;

/** What users see when a connector config is wrong (Connect's validate endpoint shows these). */
class JdbcSinkConfigTest {
  private static Map<String, String> valid() {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", JdbcSinkConnector.class.getName());
    config.put("topics", "grounding.evaluations");
    config.put("connection.url", "jdbc:postgresql://postgres:5432/groundstream");
    config.put("connection.user", "groundstream");
    config.put("connection.password", "s3cret-pw");
    return config;
  }

  private static ConfigValue validated(Connector connector, Map<String, String> config, String key) {
    Config result = connector.validate(config);
    return result.configValues().stream().filter(v -> v.name().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void aValidConfigHasNoErrorsAndHidesThePassword() {
    Config result = new JdbcSinkConnector().validate(valid());
    result.configValues().forEach(v -> assertTrue(v.errorMessages().isEmpty(), v.name() + ": " + v.errorMessages()));
    JdbcSinkConfig config = new JdbcSinkConfig(valid());
    assertEquals("postgresql", config.dialectName());
    assertFalse(config.toString().contains("s3cret-pw"));
    assertFalse(String.valueOf(config.values()).contains("s3cret-pw"));
  }

  @Test
  void aUrlOfAnUnsupportedDatabaseIsRejectedWithWhatIsExpected() {
    Map<String, String> config = valid();
    config.put("connection.url", "jdbc:mysql://db:3306/x?password=s3cret-pw");
    ConfigValue url = validated(new JdbcSinkConnector(), config, "connection.url");
    assertEquals(1, url.errorMessages().size());
    String message = url.errorMessages().get(0);
    assertTrue(message.contains("must be a PostgreSQL (jdbc:postgresql://host:port/database) or DuckDB"), message);
    assertFalse(message.contains("s3cret-pw"), "the URL's query may carry a password: " + message);
  }

  @Test
  void aMissingUrlIsReported() {
    Map<String, String> config = valid();
    config.remove("connection.url");
    ConfigValue url = validated(new JdbcSinkConnector(), config, "connection.url");
    assertTrue(url.errorMessages().get(0).contains("Missing required configuration \"connection.url\""), url.errorMessages().toString());
  }

  @Test
  void batchSizesOutsideTheRangeAreRejected() {
    for (String bad : List.of("0", "100001", "many")) {
      Map<String, String> config = valid();
      config.put("batch.size", bad);
      ConfigValue batch = validated(new JdbcSinkConnector(), config, "batch.size");
      assertFalse(batch.errorMessages().isEmpty(), bad);
      assertTrue(batch.errorMessages().get(0).contains("batch.size"), batch.errorMessages().get(0));
    }
    Map<String, String> zero = valid();
    zero.put("batch.size", "0");
    ConfigException thrown = assertThrows(ConfigException.class, () -> new JdbcSinkConfig(zero));
    assertTrue(thrown.getMessage().contains("Value must be at least 1"), thrown.getMessage());
  }

  @Test
  void theDialectRecommenderFollowsTheUrl() {
    Map<String, String> config = valid();
    config.put("connection.url", "jdbc:duckdb:/data/groundstream.duckdb");
    ConfigValue dialect = validated(new JdbcSinkConnector(), config, "dialect");
    assertEquals(List.of("auto", "duckdb"), dialect.recommendedValues());
    config.put("dialect", "oracle");
    assertFalse(validated(new JdbcSinkConnector(), config, "dialect").errorMessages().isEmpty());
  }

  @Test
  void theFileSinkRejectsAnUnknownFormatAndABadFlushSize() {
    Map<String, String> config = Map.of("connector.class", FileSinkConnector.class.getName(), "topics", "t",
        "output.dir", "/tmp/x", "format", "orc", "flush.size", "0");
    String formatError = validated(new FileSinkConnector(), config, "format").errorMessages().get(0);
    assertTrue(formatError.contains("jsonl") && formatError.contains("parquet"), formatError);
    assertTrue(validated(new FileSinkConnector(), config, "flush.size").errorMessages().get(0).contains("at least 1"));
    Map<String, String> parquet = Map.of("connector.class", FileSinkConnector.class.getName(), "topics", "t",
        "output.dir", "/tmp/x", "format", "parquet");
    assertTrue(validated(new FileSinkConnector(), parquet, "format").errorMessages().isEmpty());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"postgres-evaluations.json", "duckdb-local.json", "files-local.json", "files-parquet-local.json"})
  void theExampleConfigsValidate(String file) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, String> config = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(java.nio.file.Path.of("examples", file).toFile(), Map.class);
    Connector connector = config.get("connector.class").endsWith("FileSinkConnector")
        ? new FileSinkConnector() : new JdbcSinkConnector();
    connector.validate(config).configValues()
        .forEach(v -> assertTrue(v.errorMessages().isEmpty(), file + " " + v.name() + ": " + v.errorMessages()));
  }
}
