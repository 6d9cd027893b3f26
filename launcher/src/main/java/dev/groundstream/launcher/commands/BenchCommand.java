package dev.groundstream.launcher.commands;

import dev.groundstream.launcher.bench.EndToEndBenchmark;
import dev.groundstream.launcher.bench.ResultLatencyBenchmark;
import dev.groundstream.launcher.bench.SerdeBenchmark;
import dev.groundstream.launcher.local.LocalCluster;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks; each prints a Markdown table to paste into docs/benchmarks/. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark: serde, e2e, result, chaos.")
public final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Which benchmark: serde, e2e, result (upload -> GET /v1/requests/{id}/result),"
      + " chaos (requests to your cluster; prints sent / accepted / lost / duplicated)")
  String which;

  @Option(names = "--rounds", defaultValue = "21", description = "serde: measured rounds (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--records", defaultValue = "20000", description = "serde: records per round (default ${DEFAULT-VALUE}).")
  int records;

  @Option(names = "--model", defaultValue = "models/centernet-ranker",
      description = "e2e: model folder (default ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--rate", defaultValue = "1", description = "e2e: uploads per second in the latency phase (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--requests", defaultValue = "60", description = "e2e: uploads in the latency phase (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", defaultValue = "10", description = "e2e: unmeasured uploads first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--steps", defaultValue = "1,2,4,8", split = ",",
      description = "e2e: rates of the sustained-rate search, ascending (default ${DEFAULT-VALUE}).")
  List<Double> steps;

  @Option(names = "--step-seconds", defaultValue = "20", description = "e2e: seconds per rate step (default ${DEFAULT-VALUE}).")
  int stepSeconds;

  @Option(names = "--budget-seconds", defaultValue = "420",
      description = "e2e: the whole run stops starting steps after this (default ${DEFAULT-VALUE}).")
  int budgetSeconds;

  @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092",
      description = "chaos: the cluster's bootstrap servers (default ${DEFAULT-VALUE}; GROUNDSTREAM_KAFKA_* add client settings).")
  String bootstrapServers;

  @Option(names = "--registry-url", description = "chaos: schema registry URL (default: GROUNDSTREAM_REGISTRY_URL or localhost:8081).")
  String registryUrl;

  @Option(names = "--wait-seconds", defaultValue = "600",
      description = "chaos: longest wait for every accepted request's result (default ${DEFAULT-VALUE}).")
  int waitSeconds;

  @Override
  public Integer call() throws Exception {
    if ("chaos".equals(which)) {
      return ChaosCommand.run(bootstrapServers, registryUrl, requests, Duration.ofSeconds(waitSeconds));
    }
    switch (which) {
      case "serde":
        return serde();
      case "e2e":
        EndToEndBenchmark.Result r = new EndToEndBenchmark(Path.of("datasets", "groundstream-photos"), model)
            .run(warmup, rate, requests, steps, stepSeconds, Duration.ofSeconds(budgetSeconds));
        new EndToEndReport(System.out).print(r);
        return 0;
      case "result":
        printResult(new ResultLatencyBenchmark(Path.of("datasets", "groundstream-photos"), model)
            .run(warmup, rate, requests));
        return 0;
      default:
        System.err.println("Unknown benchmark '" + which + "': available: serde, e2e, result, chaos");
        return 2;
    }
  }

  private static void printResult(ResultLatencyBenchmark.Result r) {
    System.out.print(String.format("%n| model | rate/s | uploads | served | 202 -> result p50 | p99 | max | POST -> result p50 | p99 |%n"));
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    if (r.fromAccepted() == null) {
      System.out.print(String.format("| %s | %.1f | %d | 0 | - | - | - | - | - |%n", r.model(), r.rate(), r.sent()));
      return;
    }
    System.out.print(String.format("| %s | %.1f | %d | %d | %d ms | %d ms | %d ms | %d ms | %d ms |%n", r.model(), r.rate(), r.sent(),
        r.served(), r.fromAccepted().at(50), r.fromAccepted().at(99), r.fromAccepted().max(), r.fromPost().at(50),
        r.fromPost().at(99)));
  }

  private int serde() throws Exception {
    Path dataDir = Files.createTempDirectory("groundstream-bench");
    try (LocalCluster cluster = LocalCluster.start(dataDir, 0, 0)) {
      SerdeBenchmark.Result r = new SerdeBenchmark(SchemaRegistryClients.shared(cluster.registry()))
          .run(rounds, records);
      System.out.print(String.format("%n| GroundingResult, 5 phrases x 10 boxes (%d bytes framed) | median ns/record |%n", r.bytes()));
      System.out.println("|---|---|");
      System.out.print(String.format("| GroundStream serializer + deserializer (Confluent framing, cached id) | %.0f |%n", r.serdeNanos()));
      System.out.print(String.format("| plain Avro binary encode + decode | %.0f |%n", r.plainNanos()));
      System.out.print(String.format("| ratio (median of %d per-round ratios, %d records each) | %.3f |%n",
          r.rounds(), r.recordsPerRound(), r.medianRatio()));
      return 0;
    }
  }
}
