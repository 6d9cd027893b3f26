package dev.groundstream.schemas.registry.server;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schema registry on its own, configured from the environment (see
 * {@link SchemaRegistryServerConfig#fromEnvironment}), until the JVM is asked to stop. With
 * {@value RegistryWriteAuth#ENV}{@code =user:<sha256 hex of the password>,...} registering,
 * deleting and changing config need HTTP basic auth of one of those users (reads stay anonymous;
 * clients set {@code GROUNDSTREAM_REGISTRY_BASIC_AUTH_USER_INFO=user:password}); unset, anyone may
 * write, as in the local mode, which binds 127.0.0.1 only.
 */
public final class SchemaRegistryMain {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryMain.class);

  private SchemaRegistryMain() {}

  public static void main(String[] args) throws InterruptedException {
    SchemaRegistryServer server;
    try {
      server = start(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("schema registry: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "schema-registry-shutdown"));
    stopped.await();
  }

  /** Starts a registry configured from these environment variables. */
  static SchemaRegistryServer start(Map<String, String> env) {
    SchemaRegistryServerConfig config = SchemaRegistryServerConfig.fromEnvironment(env);
    // toString() hides secret values (sasl.jaas.config, passwords).
    LOG.info("Starting schema registry with {}", config);
    return SchemaRegistryServer.start(config, RegistryWriteAuth.fromEnvironment(env));
  }
}
