package dev.groundstream.launcher.commands;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.launcher.bench.ChaosRun;
import dev.groundstream.launcher.bench.ChaosTally;
import java.time.Duration;

/** {@code bench chaos}: one run against the user's cluster; exit 0 only when exactly-once held. */
final class ChaosCommand {
  private ChaosCommand() {}

  static int run(String bootstrapServers, String registryUrl, int requests, Duration wait) throws Exception {
    KafkaConnection kafka = KafkaConnection.fromEnvironment(System.getenv()).withBootstrapServers(bootstrapServers);
    RegistryConnection registry = registryUrl == null ? RegistryConnection.fromEnvironment(System.getenv())
        : RegistryConnection.of(registryUrl);
    ChaosTally.Report r = new ChaosRun(kafka, registry, System.err).run(requests, wait);
    System.out.print(String.format("%n| sent | accepted | lost | duplicated |%n|---|---|---|---|%n| %d | %d | %d | %d |%n",
        r.sent(), r.accepted(), r.lost(), r.duplicated()));
    return r.clean() ? 0 : 1;
  }
}
