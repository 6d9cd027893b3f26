package dev.groundstream.sinks.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect standalone worker in this JVM, finding our connectors and converter through
 * META-INF/services (plugin.discovery=service_load), with the Avro converter for keys and values.
 */
public final class ConnectWorker implements AutoCloseable {
  private final Connect<StandaloneHerder> connect;

  private ConnectWorker(Connect<StandaloneHerder> connect) {
    this.connect = connect;
  }

  public static ConnectWorker start(String bootstrapServers, String registryUrl, Path stateDir) {
    return start(bootstrapServers, registryUrl, stateDir, Map.of("consumer.max.poll.records", "20"));
  }

  /** {@code overrides} replace or add worker properties (e.g. consumer settings for a benchmark). */
  public static ConnectWorker start(String bootstrapServers, String registryUrl, Path stateDir,
                                    Map<String, String> overrides) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.converter", "dev.groundstream.sinks.converter.AvroConverter");
    props.put("value.converter", "dev.groundstream.sinks.converter.AvroConverter");
    props.put("key.converter.schema.registry.url", registryUrl);
    props.put("value.converter.schema.registry.url", registryUrl);
    props.put("offset.storage.file.filename", stateDir.resolve("connect.offsets").toString());
    props.put("offset.flush.interval.ms", "500");
    props.put("plugin.discovery", "service_load");
    props.put("listeners", "http://127.0.0.1:0");
    props.putAll(overrides);
    return new ConnectWorker(new ConnectStandalone().startConnect(props));
  }

  public Herder herder() {
    return connect.herder();
  }

  public void putConnector(String name, Map<String, String> config) throws Exception {
    FutureCallback<Herder.Created<org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>> done = new FutureCallback<>();
    Map<String, String> named = new HashMap<>(config);
    named.put("name", name);
    herder().putConnectorConfig(name, named, true, done);
    done.get(30, TimeUnit.SECONDS);
  }

  public void restartConnectorAndTasks(String name) throws Exception {
    FutureCallback<ConnectorStateInfo> done = new FutureCallback<>();
    herder().restartConnectorAndTasks(new RestartRequest(name, false, true), done);
    done.get(30, TimeUnit.SECONDS);
  }

  /** Stops the connector, resets its consumer offsets and resumes it: Kafka redelivers everything. */
  public void redeliverEverything(String name) throws Exception {
    FutureCallback<Void> stopped = new FutureCallback<>();
    herder().stopConnector(name, stopped);
    stopped.get(30, TimeUnit.SECONDS);
    FutureCallback<org.apache.kafka.connect.runtime.rest.entities.Message> reset = new FutureCallback<>();
    herder().resetConnectorOffsets(name, reset);
    reset.get(30, TimeUnit.SECONDS);
    herder().resumeConnector(name);
  }

  public String taskState(String name) {
    ConnectorStateInfo status = herder().connectorStatus(name);
    return status.tasks().isEmpty() ? "NO_TASKS" : status.tasks().get(0).state()
        + (status.tasks().get(0).trace() == null ? "" : ": " + status.tasks().get(0).trace());
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
