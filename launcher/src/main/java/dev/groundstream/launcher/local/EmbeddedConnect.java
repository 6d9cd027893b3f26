package dev.groundstream.launcher.local;

import dev.groundstream.config.ServerTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

  /** The local mode's Connect: REST on 127.0.0.1, plain HTTP. */
  public static EmbeddedConnect start(String bootstrapServers, Path stateDir) {
    return start(bootstrapServers, stateDir, "127.0.0.1", Optional.empty());
  }

  /** Connect with its REST API bound to {@code host} (any free port), HTTPS only when {@code tls} is given. */
  static EmbeddedConnect start(String bootstrapServers, Path stateDir, String host, Optional<ServerTls> tls) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    props.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    props.put("offset.storage.file.filename", stateDir.resolve("connect.offsets").toString());
    props.put("offset.flush.interval.ms", "1000");
    props.put("plugin.discovery", "service_load");
    // Sinks read committed records only: the results of a worker's aborted transaction never reach a table.
    props.put("consumer.isolation.level", "read_committed");
    props.putAll(restListener(host, tls, stateDir));
    return new EmbeddedConnect(new ConnectStandalone().startConnect(props));
  }

  /**
   * Connect's worker properties for its REST listener: {@code listeners=https://host:0} with the
   * identity as a PKCS#12 file under {@code stateDir} (owner-only) when TLS is set; the properties a
   * stock Connect worker takes too (sink-connectors/docker/connect-distributed.properties).
   */
  static Map<String, String> restListener(String host, Optional<ServerTls> tls, Path stateDir) {
    String bind = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    Map<String, String> props = new HashMap<>();
    if (tls.isEmpty()) {
      props.put("listeners", "http://" + bind + ":0");
      return props;
    }
    Path keystore = stateDir.resolve("rest-tls.p12");
    try {
      Files.deleteIfExists(keystore);
      Files.createFile(keystore, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(keystore, tls.get().pkcs12());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Connect's TLS keystore " + keystore, e);
    }
    props.put("listeners", "https://" + bind + ":0");
    props.put("rest.advertised.listener", "https");
    props.put("listeners.https.ssl.keystore.type", "PKCS12");
    props.put("listeners.https.ssl.keystore.location", keystore.toString());
    props.put("listeners.https.ssl.keystore.password", tls.get().password());
    props.put("listeners.https.ssl.key.password", tls.get().password());
    return props;
  }

  /** Creates or updates the connector (idempotent across restarts). */
  public void putConnector(String name, Map<String, String> config) throws Exception {
    Map<String, String> named = new HashMap<>(config);
    named.put("name", name);
    FutureCallback<Herder.Created<ConnectorInfo>> done = new FutureCallback<>();
    connect.herder().putConnectorConfig(name, named, true, done);
    done.get(60, TimeUnit.SECONDS);
  }

  /** Where the Connect REST API listens (the local mode: 127.0.0.1 only, it exposes it to no one else). */
  public java.net.URI restUrl() {
    return connect.rest().serverUrl();
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
