package dev.groundstream.schemas.registry.server;

import dev.groundstream.config.Secrets;
import dev.groundstream.config.ServerTls;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link SchemaRegistryServer}.
 *
 * @param kafkaClientProps bootstrap.servers plus any security.protocol, sasl.* and ssl.* client
 *     properties; used for the registry's admin, producer and consumer
 * @param topic the registry topic; null means {@value #DEFAULT_TOPIC}
 * @param host the address to bind; null means {@value #DEFAULT_HOST}
 * @param port the port to bind; 0 picks any free port
 * @param tls the HTTPS identity of the REST API (TlsSettings); empty = plain HTTP
 */
public record SchemaRegistryServerConfig(
    Map<String, Object> kafkaClientProps, String topic, String host, int port, Optional<ServerTls> tls) {

  public static final String DEFAULT_TOPIC = "_schemas";
  public static final String DEFAULT_HOST = "127.0.0.1";

  public SchemaRegistryServerConfig {
    Objects.requireNonNull(kafkaClientProps, "kafkaClientProps");
    if (!kafkaClientProps.containsKey("bootstrap.servers")) {
      throw new IllegalArgumentException("kafkaClientProps must contain bootstrap.servers");
    }
    kafkaClientProps = Map.copyOf(kafkaClientProps);
    topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
    host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    Objects.requireNonNull(tls, "tls");
  }

  /** Plain HTTP. */
  public SchemaRegistryServerConfig(Map<String, Object> kafkaClientProps, String topic, String host, int port) {
    this(kafkaClientProps, topic, host, port, Optional.empty());
  }

  /** Defaults for everything but the cluster: topic _schemas, 127.0.0.1, any free port. */
  public static SchemaRegistryServerConfig forBootstrapServers(String bootstrapServers) {
    return new SchemaRegistryServerConfig(
        Map.of("bootstrap.servers", bootstrapServers), null, null, 0);
  }

  /**
   * The standalone registry's settings: {@code GROUNDSTREAM_KAFKA_<PROP>} becomes Kafka client
   * property {@code <prop>} lowercased with '_' as '.' (so GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS is
   * bootstrap.servers, which is required); {@code GROUNDSTREAM_REGISTRY_PORT} (default 8081),
   * {@code GROUNDSTREAM_REGISTRY_HOST} (default 0.0.0.0), {@code GROUNDSTREAM_REGISTRY_TOPIC}
   * (default _schemas).
   */
  public static SchemaRegistryServerConfig fromEnvironment(Map<String, String> env) {
    return RegistryServerSettings.config(RegistryServerSettings.SETTINGS.read(env, java.util.List.of()), env);
  }

  /** The Kafka client properties with secret values hidden, for logs. */
  public Map<String, String> describableKafkaClientProps() {
    return Secrets.masked(kafkaClientProps);
  }

  @Override
  public String toString() {
    return "SchemaRegistryServerConfig[kafkaClientProps=" + describableKafkaClientProps()
        + ", topic=" + topic + ", host=" + host + ", port=" + port + ", tls=" + tls.map(ServerTls::toString).orElse("off")
        + "]";
  }
}
