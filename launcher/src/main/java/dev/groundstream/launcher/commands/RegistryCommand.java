package dev.groundstream.launcher.commands;

import dev.groundstream.config.ServerTls;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
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

  @Mixin TlsOptions tlsOptions;

  @Override
  public Integer call() throws Exception {
    Optional<ServerTls> tls;
    try {
      tls = tlsOptions.read("registry");
    } catch (BadInput e) {
      return e.report("registry");
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
}
