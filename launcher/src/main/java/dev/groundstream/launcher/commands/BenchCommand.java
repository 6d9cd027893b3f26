package dev.groundstream.launcher.commands;

import dev.groundstream.launcher.bench.SerdeBenchmark;
import dev.groundstream.launcher.local.LocalCluster;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Benchmarks; each prints a Markdown table to paste into docs/benchmarks/. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark: serde.")
public final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "Which benchmark: serde")
  String which;

  @Option(names = "--rounds", defaultValue = "21", description = "Measured rounds (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--records", defaultValue = "20000", description = "Records per round (default ${DEFAULT-VALUE}).")
  int records;

  @Override
  public Integer call() throws Exception {
    if (!which.equals("serde")) {
      System.err.println("Unknown benchmark '" + which + "': available: serde");
      return 2;
    }
    Path dataDir = Files.createTempDirectory("groundstream-bench");
    try (LocalCluster cluster = LocalCluster.start(dataDir, 0, 0)) {
      SerdeBenchmark.Result r = new SerdeBenchmark(SchemaRegistryClients.shared(cluster.registry()))
          .run(rounds, records);
      System.out.printf("%n| GroundingResult, 5 phrases x 10 boxes (%d bytes framed) | median ns/record |%n", r.bytes());
      System.out.println("|---|---|");
      System.out.printf("| GroundStream serializer + deserializer (Confluent framing, cached id) | %.0f |%n", r.serdeNanos());
      System.out.printf("| plain Avro binary encode + decode | %.0f |%n", r.plainNanos());
      System.out.printf("| ratio (median of %d per-round ratios, %d records each) | %.3f |%n",
          r.rounds(), r.recordsPerRound(), r.medianRatio());
      return 0;
    }
  }
}
