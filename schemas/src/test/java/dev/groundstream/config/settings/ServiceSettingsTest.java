package dev.groundstream.config.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {
  private static final Setting<Integer> BATCH = Setting.integer("max-batch-size", 8, "Batch size.")
      .validate(n -> n > 0, "must be > 0");
  private static final Setting<Duration> DELAY = Setting.duration("max-queue-delay", "20ms", "Wait.")
      .formerly("GROUNDSTREAM_DEMO_MAX_QUEUE_DELAY_MS", ms -> ms + "ms").formerly("--max-queue-delay-ms", ms -> ms + "ms");
  private static final Setting<Boolean> GPU = Setting.bool("require-gpu", false, "Fail without GPU.");
  private static final Setting<Optional<Double>> FLOOR = Setting.optionalDecimal("recall-floor", "off", "Floor.");
  private static final Setting<String> SERVERS = Setting.text("bootstrap-servers", "localhost:9092", "Kafka.")
      .env("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS");
  private static final ServiceSettings DEMO = new ServiceSettings("demo", List.of(BATCH, DELAY, GPU, FLOOR, SERVERS));

  @Test
  void defaultsThenEnvironmentThenFlagsInBothSpellings() {
    SettingValues defaults = DEMO.read(Map.of(), List.of());
    assertEquals(8, defaults.get(BATCH));
    assertEquals(Duration.ofMillis(20), defaults.get(DELAY));
    assertEquals(Optional.empty(), defaults.get(FLOOR), "off is empty, not a magic number");

    Map<String, String> env = Map.of("GROUNDSTREAM_DEMO_MAX_BATCH_SIZE", "16", "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "k:9092");
    SettingValues fromEnv = DEMO.read(env, List.of());
    assertEquals(16, fromEnv.get(BATCH));
    assertEquals("k:9092", fromEnv.get(SERVERS));

    SettingValues flagged = DEMO.read(env, List.of("--max-batch-size", "4", "--require-gpu", "--max-queue-delay=1m",
        "--recall-floor=0.4"));
    assertEquals(4, flagged.get(BATCH));
    assertTrue(flagged.get(GPU), "a switch may stand alone");
    assertEquals(Duration.ofMinutes(1), flagged.get(DELAY));
    assertEquals(Optional.of(0.4), flagged.get(FLOOR));
  }

  @Test
  void formerNamesStillWorkWithTheirOldUnits() {
    assertEquals(Duration.ofMillis(50), DEMO.read(Map.of("GROUNDSTREAM_DEMO_MAX_QUEUE_DELAY_MS", "50"), List.of()).get(DELAY));
    assertEquals(Duration.ofMillis(70), DEMO.read(Map.of(), List.of("--max-queue-delay-ms", "70")).get(DELAY));
    assertEquals(Duration.ofMillis(5), DEMO.read(Map.of("GROUNDSTREAM_DEMO_MAX_QUEUE_DELAY_MS", "50",
        "GROUNDSTREAM_DEMO_MAX_QUEUE_DELAY", "5ms"), List.of()).get(DELAY), "the new name wins over the old");
  }

  @Test
  void everyMistakeIsOneLineNamingTheSetting() {
    assertEquals("--max-batch-size = 'many': expected integer",
        assertThrows(SettingsException.class, () -> DEMO.read(Map.of(), List.of("--max-batch-size", "many"))).getMessage());
    assertEquals("GROUNDSTREAM_DEMO_MAX_BATCH_SIZE = '0': must be > 0",
        assertThrows(SettingsException.class, () -> DEMO.read(Map.of("GROUNDSTREAM_DEMO_MAX_BATCH_SIZE", "0"), List.of()))
            .getMessage());
    assertTrue(assertThrows(SettingsException.class, () -> DEMO.read(Map.of(), List.of("--batch=3"))).getMessage()
        .startsWith("unknown flag --batch for demo; known: max-batch-size, "));
    assertTrue(assertThrows(SettingsException.class, () -> DEMO.read(Map.of(), List.of("--max-queue-delay", "soon")))
        .getMessage().contains("is not a duration"));
    assertEquals("--max-batch-size needs a value (integer)",
        assertThrows(SettingsException.class, () -> DEMO.read(Map.of(), List.of("--max-batch-size"))).getMessage());
    assertThrows(SettingsException.class, () -> DEMO.read(Map.of(), List.of("stray")));
  }

  @Test
  void copiesParseLikeFlagsAndCompareByValue() {
    SettingValues v = DEMO.read(Map.of(), List.of("--max-batch-size=3"));
    assertEquals(v, v.with(Map.of()));
    assertEquals(5, v.with(Map.of("max-batch-size", "5")).get(BATCH));
    assertThrows(SettingsException.class, () -> v.with(Map.of("max-batch-size", "-1")));
  }

  @Test
  void theReferenceListsEveryVariableAndFormerName() {
    String table = DEMO.markdown();
    assertTrue(table.contains("| `--max-batch-size` | `GROUNDSTREAM_DEMO_MAX_BATCH_SIZE` | integer | `8` |"), table);
    assertTrue(table.contains("`GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS`"), table);
    assertTrue(table.contains("Formerly `GROUNDSTREAM_DEMO_MAX_QUEUE_DELAY_MS`, `--max-queue-delay-ms` (deprecated)."), table);
    assertEquals(6, DEMO.help().lines().count());
  }

  @Test
  void durationsHaveOneGrammar() {
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
    assertEquals(Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(Duration.ofDays(7), Durations.parse("7d"));
    assertEquals(Duration.ofMinutes(1), Durations.parse("PT1M"));
    assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
    assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("-5s"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("5"));
  }
}
