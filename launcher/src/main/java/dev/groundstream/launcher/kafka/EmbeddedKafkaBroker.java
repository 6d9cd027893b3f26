package dev.groundstream.launcher.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (broker and controller in one process) for the local mode. Its data
 * lives in {@code dataDir}; the first start formats it, later starts reuse it, so topics, offsets
 * and the registry's {@code _schemas} survive a restart. The cluster id is kept in a file beside
 * the logs because formatting needs it before the broker can tell.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts the broker on {@code port} (0 picks a free one) with its logs under {@code dataDir}. */
  public static EmbeddedKafkaBroker start(Path dataDir, String host, int port) {
    Path logDir = dataDir.resolve("kafka");
    try {
      Files.createDirectories(logDir);
      int brokerPort = port == 0 ? freePort() : port;
      int controllerPort = freePort();
      Map<String, Object> config = brokerConfig(logDir, host, brokerPort, controllerPort);
      format(logDir, clusterId(dataDir));
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
      server.startup();
      String bootstrap = host + ":" + brokerPort;
      LOG.info("Embedded Kafka broker listening on {} (data in {})", bootstrap, logDir);
      return new EmbeddedKafkaBroker(server, bootstrap);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare Kafka data dir " + logDir, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.shutdown();
      server.awaitShutdown();
    }
  }

  private static Map<String, Object> brokerConfig(Path logDir, String host, int brokerPort, int controllerPort) {
    Map<String, Object> c = new HashMap<>();
    c.put("process.roles", "broker,controller");
    c.put("node.id", Integer.toString(NODE_ID));
    c.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    c.put("controller.listener.names", CONTROLLER_LISTENER);
    c.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    c.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
    c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    c.put("inter.broker.listener.name", "PLAINTEXT");
    c.put("log.dirs", logDir.toString());
    c.put("num.partitions", "1");
    c.put("offsets.topic.replication.factor", "1");
    c.put("offsets.topic.num.partitions", "5");
    c.put("transaction.state.log.replication.factor", "1");
    c.put("transaction.state.log.min.isr", "1");
    c.put("transaction.state.log.num.partitions", "5");
    c.put("share.coordinator.state.topic.replication.factor", "1");
    c.put("share.coordinator.state.topic.min.isr", "1");
    c.put("group.initial.rebalance.delay.ms", "0");
    // The cleaner otherwise reserves 128 MiB of heap for compacted topics.
    c.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
    c.put("auto.create.topics.enable", "false");
    return c;
  }

  /** Formats the log dir on first start; an already formatted dir is left as it is. */
  private static void format(Path logDir, String clusterId) {
    try {
      new Formatter()
          .setClusterId(clusterId)
          .setNodeId(NODE_ID)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .setIgnoreFormatted(true)
          .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
    }
  }

  private static String clusterId(Path dataDir) throws IOException {
    Path file = dataDir.resolve("cluster-id");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id, StandardCharsets.UTF_8);
    return id;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
