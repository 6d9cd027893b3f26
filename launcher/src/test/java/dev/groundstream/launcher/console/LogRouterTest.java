package dev.groundstream.launcher.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRouterTest {
  private static final String LINES = String.join("\n",
      "20:01:02.345 [main] INFO org.apache.kafka.streams.StreamsConfig - StreamsConfig values: ...",
      "20:01:03.000 [main] INFO dev.groundstream.launcher.kafka.EmbeddedKafkaBroker - Embedded Kafka broker listening on 127.0.0.1:9092",
      "20:01:04.000 [eval-StreamThread-1] WARN org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate - Skipping record for expired window.",
      "20:01:05.000 [demo] INFO dev.groundstream.launcher.local.DemoStream - Demo: 66 requests of flickr30k/test streamed (0 already there)",
      "20:01:06.000 [worker-[v2]] ERROR dev.groundstream.worker.GroundingWorker - Worker failed: java.io.IOException: disk full",
      "java.io.IOException: disk full",
      "\tat dev.groundstream.worker.GroundingWorker.run(GroundingWorker.java:1)",
      "20:01:07.000 [main] DEBUG dev.groundstream.launcher.local.LocalMode - detail",
      "Exception in thread \"x\" java.lang.IllegalStateException: boom",
      "") ;

  @Test
  void quietConsoleShowsStatusAndErrorsAndTheFileGetsEverything() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (PrintStream err = new PrintStream(new LogRouter(file, new PrintStream(console, true, StandardCharsets.UTF_8),
        false), true, StandardCharsets.UTF_8)) {
      err.print(LINES);
    }
    assertEquals(LINES, file.toString(StandardCharsets.UTF_8));
    assertEquals(String.join("\n",
        "20:01:03 Embedded Kafka broker listening on 127.0.0.1:9092",
        "20:01:05 Demo: 66 requests of flickr30k/test streamed (0 already there)",
        "20:01:06 ERROR GroundingWorker: Worker failed: java.io.IOException: disk full",
        "Exception in thread \"x\" java.lang.IllegalStateException: boom",
        ""), console.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void verboseConsoleShowsEverything() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (PrintStream err = new PrintStream(new LogRouter(file, new PrintStream(console, true, StandardCharsets.UTF_8),
        true), true, StandardCharsets.UTF_8)) {
      err.print(LINES);
    }
    assertEquals(LINES, console.toString(StandardCharsets.UTF_8));
    assertEquals(LINES, file.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theLogFileIsAppendedUnderTheDataDir(@TempDir Path dataDir) throws Exception {
    PrintStream realErr = System.err;
    try {
      Path file = ConsoleLogging.routeLogs(dataDir, false);
      System.err.println("20:01:02.345 [main] INFO org.apache.kafka.Foo - hidden");
      System.err.flush();
      assertEquals(dataDir.resolve("logs").resolve("groundstream.log").toAbsolutePath(), file);
      System.setErr(realErr);
      ConsoleLogging.routeLogs(dataDir, false);
      System.err.println("second start");
      System.err.flush();
      String text = Files.readString(file);
      assertEquals(2, text.lines().filter(l -> l.startsWith("---- groundstream local started")).count(), text);
      assertEquals(true, text.contains("INFO org.apache.kafka.Foo - hidden") && text.contains("second start"), text);
    } finally {
      System.setErr(realErr);
    }
  }
}
