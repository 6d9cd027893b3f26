package dev.groundstream.config;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How every GroundStream service reaches Kafka: the bootstrap servers plus any client property
 * (security.protocol, sasl.*, ssl.*, client.dns.lookup, ...) passed through unchanged, so the same
 * code runs against the in-process broker, docker-compose and a managed SASL_SSL cluster.
 *
 * <p>From the environment, {@code GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS} and every other
 * {@code GROUNDSTREAM_KAFKA_<NAME>} variable become client properties ({@code <name>} lowercased,
 * {@code _} to {@code .}).
 */
public final class KafkaConnection {
  public static final String ENV_PREFIX = "GROUNDSTREAM_KAFKA_";
  public static final String DEFAULT_BOOTSTRAP = "localhost:9092";

  private final Map<String, String> clientProperties;

  private KafkaConnection(Map<String, String> clientProperties) {
    this.clientProperties = Map.copyOf(clientProperties);
  }

  public static KafkaConnection of(String bootstrapServers) {
    return new KafkaConnection(Map.of("bootstrap.servers", bootstrapServers));
  }

  public static KafkaConnection of(Map<String, String> clientProperties) {
    if (!clientProperties.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException("Kafka settings need bootstrap.servers (set "
          + ENV_PREFIX + "BOOTSTRAP_SERVERS or --bootstrap-servers)");
    }
    return new KafkaConnection(clientProperties);
  }

  /** From {@code GROUNDSTREAM_KAFKA_*}; bootstrap defaults to localhost:9092. */
  public static KafkaConnection fromEnvironment(Map<String, String> env) {
    Map<String, String> props = new TreeMap<>(EnvironmentSettings.withPrefix(env, ENV_PREFIX));
    props.putIfAbsent("bootstrap.servers", DEFAULT_BOOTSTRAP);
    return new KafkaConnection(props);
  }

  /** A copy with other bootstrap servers (a command-line flag overrides the environment). */
  public KafkaConnection withBootstrapServers(String bootstrapServers) {
    Map<String, String> props = new HashMap<>(clientProperties);
    props.put("bootstrap.servers", bootstrapServers);
    return new KafkaConnection(props);
  }

  public String bootstrapServers() {
    return clientProperties.get("bootstrap.servers");
  }

  /** The client properties, ready to merge into producer/consumer/admin/streams configs. */
  public Map<String, Object> clientProperties() {
    return new HashMap<>(clientProperties);
  }

  /** Secrets (JAAS configs, passwords) are masked. */
  @Override
  public String toString() {
    return "KafkaConnection" + Secrets.masked(clientProperties);
  }
}
