package dev.groundstream.config.settings;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;

/**
 * The connection settings every service shares, declared once, and the one rule for them: the
 * connections a service is given (from GROUNDSTREAM_KAFKA_* / GROUNDSTREAM_REGISTRY_*, or by a test
 * or the local mode) stand unless a flag or variable names other servers.
 */
public final class ConnectionSettings {
  public static final Setting<String> BOOTSTRAP_SERVERS = Setting.text("bootstrap-servers",
      KafkaConnection.DEFAULT_BOOTSTRAP, "Kafka bootstrap servers.").env("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS");
  public static final Setting<String> REGISTRY_URL = Setting.text("registry-url", RegistryConnection.DEFAULT_URL,
      "Schema registry URL(s), comma-separated.").env("GROUNDSTREAM_REGISTRY_URL");

  private ConnectionSettings() {}

  public static KafkaConnection kafka(SettingValues v, KafkaConnection given) {
    return v.given(BOOTSTRAP_SERVERS) ? given.withBootstrapServers(v.get(BOOTSTRAP_SERVERS)) : given;
  }

  public static RegistryConnection registry(SettingValues v, RegistryConnection given) {
    return v.given(REGISTRY_URL) ? given.withUrl(v.get(REGISTRY_URL)) : given;
  }
}
