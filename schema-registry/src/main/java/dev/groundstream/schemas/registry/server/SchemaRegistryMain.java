package dev.groundstream.schemas.registry.server;

import dev.groundstream.config.settings.ServiceRunner;
import dev.groundstream.config.settings.SettingValues;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schema registry on its own, configured from the environment and flags (see
 * {@link RegistryServerSettings}), until the JVM is asked to stop. With
 * {@value RegistryWriteAuth#ENV}{@code =user:<sha256 hex of the password>,...} registering,
 * deleting and changing config need HTTP basic auth of one of those users (reads stay anonymous;
 * clients set {@code GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO=user:password}); unset, anyone may
 * write, as in the local mode, which binds 127.0.0.1 only.
 */
public final class SchemaRegistryMain {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryMain.class);

  private SchemaRegistryMain() {}

  public static void main(String[] args) throws Exception {
    ServiceRunner.run("schema-registry", RegistryServerSettings.SETTINGS, args, a -> {
      SchemaRegistryServer server = start(System.getenv(), List.of(a));
      return server::close;
    });
  }

  /** Starts a registry configured from these environment variables. */
  static SchemaRegistryServer start(Map<String, String> env) {
    return start(env, List.of());
  }

  /** Starts a registry configured from the environment and flags ({@link RegistryServerSettings}). */
  static SchemaRegistryServer start(Map<String, String> env, List<String> args) {
    SettingValues settings = RegistryServerSettings.SETTINGS.read(env, args);
    SchemaRegistryServerConfig config = RegistryServerSettings.config(settings, env);
    // toString() hides secret values (sasl.jaas.config, passwords).
    LOG.info("Starting schema registry with {}", config);
    return SchemaRegistryServer.start(config, RegistryWriteAuth.parse(settings.get(RegistryServerSettings.WRITE_USERS)));
  }
}
