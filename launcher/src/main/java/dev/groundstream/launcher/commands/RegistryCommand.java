package dev.groundstream.launcher.commands;

import dev.groundstream.config.ServerTls;
import dev.groundstream.config.settings.SettingsException;
import dev.groundstream.config.settings.TlsSettings;
import dev.groundstream.schemas.registry.server.RegistryServerSettings;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs our Confluent-protocol schema registry against an existing Kafka cluster. */
@Command(name = "registry", mixinStandardHelpOptions = true,
    description = "Run the schema registry (Confluent REST protocol, state in the _schemas topic).")
public final class RegistryCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;

  @Option(names = "--port", defaultValue = "8081", description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Bind address (default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (with --tls-key).")
  String tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "PKCS#8 private key of --tls-cert.")
  String tlsKey;

  @Option(names = "--tls-keystore", paramLabel = "P12", description = "Serve HTTPS with this PKCS#12 keystore instead.")
  String tlsKeystore;

  @Option(names = "--tls-keystore-password", paramLabel = "TEXT", description = "Password of --tls-keystore.")
  String tlsKeystorePassword;

  @Override
  public Integer call() throws Exception {
    Optional<ServerTls> tls;
    try {
      tls = tls();
    } catch (SettingsException e) {
      return new BadInput(e.getMessage()).report("registry");
    }
    SchemaRegistryServer server = SchemaRegistryServer.start(new SchemaRegistryServerConfig(
        connection.kafka().clientProperties(), SchemaRegistryServerConfig.DEFAULT_TOPIC, host, port, tls));
    System.out.println("Schema registry at " + server.url() + " (Kafka " + connection.kafka().bootstrapServers() + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "registry-shutdown"));
    stopped.await();
    return 0;
  }

  /** The TLS flags, or GROUNDSTREAM_REGISTRY_TLS_* as for the standalone registry (TlsSettings). */
  private Optional<ServerTls> tls() {
    List<String> flags = new ArrayList<>(List.of("--bootstrap-servers", connection.kafka().bootstrapServers()));
    Map<String, String> given = new LinkedHashMap<>();
    given.put("tls-cert", tlsCert);
    given.put("tls-key", tlsKey);
    given.put("tls-keystore", tlsKeystore);
    given.put("tls-keystore-password", tlsKeystorePassword);
    given.forEach((name, value) -> {
      if (value != null) {
        flags.add("--" + name + "=" + value);
      }
    });
    return TlsSettings.read(RegistryServerSettings.SETTINGS.read(System.getenv(), flags));
  }
}
