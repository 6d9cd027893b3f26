package dev.groundstream.eval.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalConfigTest {

  @Test
  void defaultsDescribeTheIssuesWindows() {
    EvalConfig config = EvalConfig.fromEnvironmentAndArgs(Map.of(), List.of());
    assertEquals("localhost:9092", config.kafka().bootstrapServers());
    assertEquals("tumbling-1m", config.tumblingName());
    assertEquals("hopping-1h", config.hoppingName());
    assertEquals(Duration.ofMinutes(5), config.hoppingAdvance());
    assertEquals(EvalConfig.AT_LEAST_ONCE, config.processingGuarantee());
    assertTrue(Double.isNaN(config.recallFloor()), "floors are off unless configured");
  }

  @Test
  void flagsOverrideTheEnvironment() {
    Map<String, String> env = Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
        "GROUNDSTREAM_REGISTRY_URL", "http://registry:8081",
        "GROUNDSTREAM_EVAL_PROCESSING_GUARANTEE", "exactly_once_v2",
        "GROUNDSTREAM_EVAL_RECALL_FLOOR", "0.4",
        "GROUNDSTREAM_EVAL_GRACE", "PT2M");
    EvalConfig config = EvalConfig.fromEnvironmentAndArgs(env,
        List.of("--recall-floor=0.5", "--tumbling-window=30s", "--http-port=0"));
    assertEquals("broker:9092", config.kafka().bootstrapServers());
    assertEquals("http://registry:8081", config.registry().url());
    assertEquals(EvalConfig.EXACTLY_ONCE_V2, config.processingGuarantee());
    assertEquals(0.5, config.recallFloor());
    assertEquals(Duration.ofMinutes(2), config.grace());
    assertEquals("tumbling-30s", config.tumblingName());
    assertEquals(0, config.httpPort());
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EvalConfig.fromEnvironmentAndArgs(Map.of(),
        List.of("--processing-guarantee=exactly_once"))).getMessage().contains("processing-guarantee"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EvalConfig.fromEnvironmentAndArgs(Map.of(),
        List.of("--windows=3"))).getMessage().contains("unknown flag"));
    assertThrows(IllegalArgumentException.class, () -> EvalConfig.fromEnvironmentAndArgs(Map.of(),
        List.of("--hopping-advance=2h")));
    assertThrows(IllegalArgumentException.class, () -> EvalConfig.fromEnvironmentAndArgs(Map.of(),
        List.of("--grace=soon")));
  }

  @Test
  void advertisedHostDefaultsToTheBindHost() {
    assertEquals("localhost", EvalConfig.fromEnvironmentAndArgs(Map.of(), List.of()).advertisedHttpHost());
    assertEquals("eval-2.internal", EvalConfig.fromEnvironmentAndArgs(
        Map.of("GROUNDSTREAM_EVAL_ADVERTISED_HOST", "eval-2.internal"), List.of("--http-host=0.0.0.0"))
        .advertisedHttpHost());
  }

  @Test
  void environmentNamesFollowTheFlags() {
    assertEquals("GROUNDSTREAM_EVAL_NO_BOX_SCORE_THRESHOLD", EvalConfig.envName("no-box-score-threshold"));
  }

  @Test
  void copiesKeepEveryOtherSettingAndParseLikeFlags() {
    EvalConfig config = EvalConfig.fromEnvironmentAndArgs(Map.of("GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "b:9092"),
        List.of("--recall-floor=0.45", "--tumbling-window=30s", "--hopping-advance=10m", "--blob-dir=/tmp/blobs",
            "--cache-max-bytes=1234", "--stream-threads=3"));
    assertEquals(config, config.with(Map.of()), "an empty change is the same config (NaN floors included)");

    EvalConfig moved = config.withHttpPort(0).withStateDir(java.nio.file.Path.of("/tmp/other"));
    assertEquals(0, moved.httpPort());
    assertEquals(java.nio.file.Path.of("/tmp/other"), moved.stateDir());
    assertEquals(config.tumblingWindow(), moved.tumblingWindow());
    assertEquals(config.recallFloor(), moved.recallFloor());
    assertEquals(config.blobDir(), moved.blobDir());
    assertEquals(config.kafka(), moved.kafka());

    assertThrows(IllegalArgumentException.class, () -> config.with(Map.of("no-such-flag", "1")));
    assertThrows(IllegalArgumentException.class, () -> config.with(Map.of("hopping-advance", "2h")),
        "copies are validated like the command line");
  }
}
