package dev.groundstream.sinks;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A sink connector whose tasks all get the connector's own configuration (Connect spreads the topic
 * partitions over them). Subclasses name their task, config definition and config parser; parsing on
 * start fails a bad configuration before any task starts.
 */
public abstract class UniformSinkConnector extends SinkConnector {
  private final Class<? extends Task> taskClass;
  private final ConfigDef definition;
  private final Consumer<Map<String, String>> configParser;
  private Map<String, String> props;

  protected UniformSinkConnector(Class<? extends Task> taskClass, ConfigDef definition,
      Consumer<Map<String, String>> configParser) {
    this.taskClass = taskClass;
    this.definition = definition;
    this.configParser = configParser;
  }

  @Override
  public void start(Map<String, String> props) {
    configParser.accept(props); // fail fast on a bad config
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return taskClass;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return Collections.nCopies(maxTasks, props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return definition;
  }

  @Override
  public String version() {
    return SinkVersion.VERSION;
  }
}
