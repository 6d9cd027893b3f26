package dev.groundstream.launcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.EvalService;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.launcher.GroundStream;
import dev.groundstream.launcher.kafka.EmbeddedKafkaBroker;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.schemas.serde.AvroSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code groundstream compare} against a real eval service on an in-process broker, fed with known
 * evaluations: the printed paired counts equal those recomputed in the test from the evaluations
 * read back from grounding.evaluations (read_committed), for all phrases and per type.
 */
class CompareCommandTest {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String A = "cmp-" + RUN + ":1.0.0";
  private static final String B = "cmp-" + RUN + ":2.0.0";
  private static final int REQUESTS = 60;
  private static final int B_REQUESTS = 50;

  @TempDir
  static Path stateDir;
  private static EmbeddedKafkaBroker cluster;
  private static SchemaRegistryServer registry;
  private static EvalService eval;
  private static Map<String, long[]> expected;

  @BeforeAll
  static void startAndFeed() throws Exception {
    cluster = EmbeddedKafkaBroker.start(stateDir.resolve("kafka"), "127.0.0.1", 0);
    registry = SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(cluster.bootstrapServers()));
    eval = EvalService.start(EvalConfig.fromEnvironmentAndArgs(Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers(),
        "GROUNDSTREAM_REGISTRY_URL", registry.url()), List.of("--application-id=compare-" + RUN,
        "--state-dir=" + stateDir.resolve("streams"), "--http-port=0", "--commit-interval=200ms",
        "--processing-guarantee=exactly_once_v2")));
    await("eval service RUNNING", () -> eval.state() == KafkaStreams.State.RUNNING);
    KnownEvaluations.produce(cluster.bootstrapServers(), RegistryConnection.of(registry.url()), RUN,
        KnownEvaluations.model("cmp-" + RUN, "1.0.0"), KnownEvaluations.model("cmp-" + RUN, "2.0.0"),
        REQUESTS, B_REQUESTS);
    expected = recomputedFromTopic();
  }

  @AfterAll
  static void stop() throws Exception {
    if (eval != null) {
      eval.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void printsThePairedCountsOfTheStoredEvaluations() {
    // By hand from KnownEvaluations' pattern over the 50 shared requests: people 35/2/10/3, clothing 9/16/8/17.
    assertEquals(List.of(35L, 2L, 10L, 3L), StoredPairs.asList(expected.get("people")));
    assertEquals(List.of(44L, 18L, 18L, 20L), StoredPairs.asList(expected.get("all")));

    Run run = compare("--a", A, "--b", B);
    assertEquals(0, run.exitCode, run.err);
    Map<String, List<Long>> printed = tableRows(run.out);
    assertEquals(Map.of("all", StoredPairs.asList(expected.get("all")),
        "people", StoredPairs.asList(expected.get("people")),
        "clothing", StoredPairs.asList(expected.get("clothing"))), printed, run.out);
    // people: 12 discordant, 2 vs 10: p = 2 (1 + 12 + 66) / 4096 = 0.0386.
    assertTrue(run.out.contains("Verdict (people): B is better: +16.0 points, p = 0.039 on 50 shared phrases"), run.out);
    assertTrue(run.out.contains("Verdict (all): no significant difference: +0.0 points, p = 1.000 on 100 shared phrases"),
        run.out);
    assertTrue(run.out.contains("90.0% [78.6, 95.7]"), "Wilson interval of B's 45/50 on people: " + run.out);

    Run oneType = compare("--a", A, "--b", B, "--type", "clothing", "--dataset", KnownEvaluations.DATASET);
    assertEquals(0, oneType.exitCode, oneType.err);
    assertEquals(Map.of("clothing", StoredPairs.asList(expected.get("clothing"))), tableRows(oneType.out));
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (String[] args : List.of(
        new String[] {"--a", "nocolon", "--b", B},
        new String[] {"--a", A, "--b", A},
        new String[] {"--a", A, "--b", B, "--type", "furniture"},
        new String[] {"--a", A, "--b", "cmp-" + RUN + ":9.9.9"},
        new String[] {"--a", A, "--b", B, "--dataset", "no-such-dataset"},
        new String[] {"--a", A})) {
      Run run = compare(args);
      assertEquals(2, run.exitCode, String.join(" ", args) + " -> " + run.err);
      assertEquals(1, run.err.strip().lines().count(), "one line: " + run.err);
      assertEquals("", run.out);
    }
    assertTrue(compare("--a", A, "--b", "cmp-" + RUN + ":9.9.9").err.contains("unknown model version cmp-"));
    assertTrue(compare("--a", A, "--b", B, "--dataset", "no-such-dataset").err
        .contains("has no results on dataset no-such-dataset"));
    Run unreachable = new Run(new String[] {"compare", "--a", A, "--b", B, "--eval-url", "http://127.0.0.1:1"});
    assertEquals(1, unreachable.exitCode);
    assertTrue(unreachable.err.contains("cannot reach the eval service at http://127.0.0.1:1"), unreachable.err);
  }

  private static Map<String, List<Long>> tableRows(String out) {
    Map<String, List<Long>> rows = new HashMap<>();
    boolean inTable = false;
    for (String line : out.lines().toList()) {
      if (line.startsWith("type ")) {
        inTable = true;
        continue;
      }
      if (inTable && line.startsWith("Intervals:")) {
        break;
      }
      if (inTable) {
        String[] cells = line.trim().split("\\s+");
        rows.put(cells[0], Arrays.stream(cells, 2, 6).map(c -> Long.parseLong(c.replace(",", ""))).toList());
      }
    }
    return rows;
  }

  /** Reads every evaluation of A and B back from the topic, read_committed, until all are there. */
  private static Map<String, long[]> recomputedFromTopic() {
    Map<UUID, Evaluation> a = new HashMap<>();
    Map<UUID, Evaluation> b = new HashMap<>();
    RegistryConnection registryConnection = RegistryConnection.of(registry.url());
    try (KafkaConsumer<EvaluationKey, Evaluation> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "compare-test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        AvroSerde.of(registryConnection, EvaluationKey.class, true).deserializer(),
        AvroSerde.of(registryConnection, Evaluation.class, false).deserializer())) {
      consumer.subscribe(List.of(Topics.EVALUATIONS));
      await("every evaluation on " + Topics.EVALUATIONS, () -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
          String model = record.value().getModel().getName() + ":" + record.value().getModel().getVersion();
          (model.equals(A) ? a : model.equals(B) ? b : new HashMap<UUID, Evaluation>())
              .put(record.value().getRequestId(), record.value());
        });
        return a.size() == REQUESTS && b.size() == B_REQUESTS;
      });
    }
    return StoredPairs.count(a, b);
  }

  private static Run compare(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "compare";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--eval-url";
    full[args.length + 2] = "http://localhost:" + eval.httpPort();
    return new Run(full);
  }

  /** One in-process run of the command line, stdout and stderr captured. */
  private static final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(String[] args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine commandLine = GroundStream.commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      this.exitCode = commandLine.execute(args);
      this.out = out.toString();
      this.err = err.toString();
    }
  }

  private static void await(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
