package dev.groundstream.launcher.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A Kafka Connect standalone worker inside the local mode's JVM. Plugins are found through
 * META-INF/services ({@code plugin.discovery=service_load}: seconds instead of a class-path scan);
 * source offsets live in a file under the data dir, sink offsets in Kafka's consumer groups, so a
 * restart resumes where the last run stopped. Public for the pipeline chaos test, which runs the
 * same Connect runtime against a multi-broker cluster.
 */
public final class EmbeddedConnect implements AutoCloseable {
  private final Connect<StandaloneHerder> connect;

  private EmbeddedConnect(Connect<StandaloneHerder> connect) {
    this.connect = connect;
  }

  public static EmbeddedConnect start(String bootstrapServers, Path stateDir) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    props.put("offset.storage.file.filename", stateDir.resolve("connect.offsets").toString());
    props.put("offset.flush.interval.ms", "1000");
    props.put("plugin.discovery", "service_load");
    // Sinks read committed records only: the results of a worker's aborted transaction never reach a table.
    props.put("consumer.isolation.level", "read_committed");
    props.put("listeners", "http://127.0.0.1:0");
    return new EmbeddedConnect(new ConnectStandalone().startConnect(props));
  }

  /** Creates or updates the connector (idempotent across restarts). */
  public void putConnector(String name, Map<String, String> config) throws Exception {
    Map<String, String> named = new HashMap<>(config);
    named.put("name", name);
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    connect.herder().putConnectorConfig(name, named, true, done);
    done.get(60, TimeUnit.SECONDS);
  }

  /** Where the Connect REST API listens (127.0.0.1 only: the local mode exposes it to no one else). */
  public java.net.URI restUrl() {
    return connect.rest().serverUrl();
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
