package dev.groundstream.sinks.jdbc;

import dev.groundstream.sinks.SinkVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Stores GroundStream results, evaluations and metrics (or any struct records) in PostgreSQL or
 * DuckDB tables, upserting by primary key. Table layout: sink-connectors/README.md.
 */
public class JdbcSinkConnector extends SinkConnector {
  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new JdbcSinkConfig(props); // fail fast on a bad config
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return JdbcSinkTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < maxTasks; i++) {
      configs.add(props);
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return JdbcSinkConfig.DEFINITION;
  }

  @Override
  public String version() {
    return SinkVersion.VERSION;
  }
}
