package dev.groundstream.schemas.registry.server;

import dev.groundstream.config.EnvironmentSettings;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.settings.ServiceSettings;
import dev.groundstream.config.settings.Setting;
import dev.groundstream.config.settings.SettingValues;
import dev.groundstream.config.settings.TlsSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the standalone schema registry, declared once (docs/settings.md is generated
 * from this list). Its Kafka client properties come from GROUNDSTREAM_KAFKA_* like every service's.
 */
public final class RegistryServerSettings {
  public static final Setting<String> BOOTSTRAP_SERVERS = Setting.text("bootstrap-servers", "",
      "Kafka bootstrap servers of the cluster that holds the registry topic (required).")
      .env("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS")
      .validate(s -> !s.isBlank(), "required: set GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS or --bootstrap-servers");
  public static final Setting<String> HOST = Setting.text("host", "0.0.0.0", "Address the REST API binds.");
  public static final Setting<Integer> PORT = Setting.integer("port", 8081, "REST API port; 0 = any free.")
      .validate(p -> p >= 0 && p <= 65535, "must be 0..65535");
  public static final Setting<String> TOPIC = Setting.text("topic", SchemaRegistryServerConfig.DEFAULT_TOPIC,
      "Compacted single-partition topic holding the registry's state.");
  public static final Setting<String> WRITE_USERS = Setting.text("write-users", "",
      "user:<sha256 hex of the password>,...: registering, deleting and config changes need basic auth of one "
          + "of them (reads stay anonymous); none = anyone may write.")
      .validate(spec -> { RegistryWriteAuth.parse(spec); return true; }, "entries are user:<sha256 hex>")
      .secret();

  public static final ServiceSettings SETTINGS = new ServiceSettings("registry",
      TlsSettings.andTls(List.of(BOOTSTRAP_SERVERS, HOST, PORT, TOPIC, WRITE_USERS)));

  private RegistryServerSettings() {}

  /** The server's config: settings from the environment and flags, Kafka client properties from the environment. */
  public static SchemaRegistryServerConfig config(SettingValues v, Map<String, String> env) {
    Map<String, Object> kafka = new HashMap<>(EnvironmentSettings.withPrefix(env, KafkaConnection.ENV_PREFIX));
    kafka.put("bootstrap.servers", v.get(BOOTSTRAP_SERVERS));
    return new SchemaRegistryServerConfig(kafka, v.get(TOPIC), v.get(HOST), v.get(PORT), TlsSettings.read(v));
  }
}
