package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

  @Test
  void environmentThenFlags() {
    Map<String, String> env = Map.of(
        "GROUNDSTREAM_MODEL_DIR", "/models/a",
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
        "GROUNDSTREAM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "GROUNDSTREAM_REGISTRY_URL", "http://registry:8081",
        "GROUNDSTREAM_DEVICE", "cuda:1",
        "GROUNDSTREAM_WORKER_MAX_BATCH_SIZE", "16",
        "GROUNDSTREAM_WORKER_MAX_QUEUE_DELAY_MS", "50",
        "GROUNDSTREAM_BLOB_DIR", "/blobs");
    WorkerConfig fromEnv = WorkerConfig.fromEnvironment(env);
    assertEquals(Path.of("/models/a"), fromEnv.modelDir());
    assertEquals("kafka:9092", fromEnv.kafka().bootstrapServers());
    assertEquals("SASL_SSL", fromEnv.kafka().clientProperties().get("security.protocol"));
    assertEquals("cuda:1", fromEnv.ort().device().toString());
    assertEquals(16, fromEnv.maxBatchSize());
    assertEquals(64, fromEnv.queueCapacity(), "default capacity: max(64, 4 x batch)");
    assertEquals(Duration.ofMillis(50), fromEnv.maxQueueDelay());
    assertEquals(Optional.of(Path.of("/blobs")), fromEnv.blobDir());

    WorkerConfig flagged = WorkerConfig.fromEnvironmentAndArgs(env, "--model", "/models/b", "--require-gpu",
        "--max-batch-size=4", "--bootstrap-servers", "other:9092", "--device", "cpu", "--http-port", "0",
        "--top-k", "5", "--nms-iou", "0.6", "--group-id", "g", "--instance-id", "3");
    assertEquals(Path.of("/models/b"), flagged.modelDir());
    assertTrue(flagged.ort().requireGpu());
    assertEquals("cpu", flagged.ort().device().toString());
    assertEquals(4, flagged.maxBatchSize());
    assertEquals("other:9092", flagged.kafka().bootstrapServers());
    assertEquals("SASL_SSL", flagged.kafka().clientProperties().get("security.protocol"), "env client props kept");
    assertEquals(0, flagged.httpPort());
    assertEquals(5, flagged.ranking().topK());
    assertEquals(0.6f, flagged.ranking().nmsIou());
    assertEquals(Optional.of("g"), flagged.groupId());
    assertEquals("3", flagged.instanceId());
  }

  @Test
  void badSettingsAreExplained() {
    assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironment(Map.of()), "no model");
    Map<String, String> env = Map.of("GROUNDSTREAM_MODEL_DIR", "/m");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkerConfig.fromEnvironmentAndArgs(env, "--max-batch-size", "many"));
    assertTrue(e.getMessage().contains("--max-batch-size"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironmentAndArgs(env, "--device", "tpu"));
    assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironmentAndArgs(env, "--max-batch-size", "100",
        "--queue-capacity", "10"));
    assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironmentAndArgs(env, "stray"));
  }

  @Test
  void memoryBoundsTakeSizesWithUnits() {
    Map<String, String> env = Map.of("GROUNDSTREAM_WORKER_MODEL", "/m", "GROUNDSTREAM_WORKER_DECODE_MEMORY", "1GB");
    assertEquals(WorkerMemory.DEFAULT, WorkerConfig.fromEnvironment(Map.of("GROUNDSTREAM_WORKER_MODEL", "/m")).memory());
    assertEquals(512L * 1024 * 1024, WorkerMemory.DEFAULT.decodeBytes());
    assertEquals(1L << 30, WorkerConfig.fromEnvironment(env).memory().decodeBytes());
    WorkerConfig flagged = WorkerConfig.fromEnvironmentAndArgs(env, "--decode-memory", "64 MiB", "--text-encoding-cache", "0");
    assertEquals(64L << 20, flagged.memory().decodeBytes());
    assertEquals(0, flagged.memory().textEncodingCache());
    assertEquals(123456789L, WorkerConfig.fromEnvironmentAndArgs(env, "--decode-memory=123456789").memory().decodeBytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WorkerConfig.fromEnvironmentAndArgs(env, "--decode-memory", "lots"));
    assertTrue(e.getMessage().contains("--decode-memory"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironmentAndArgs(env, "--decode-memory", "1kB"),
        "below 1MB");
    assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironmentAndArgs(env, "--text-encoding-cache", "-1"));
  }

  @Test
  void theNewNamesAndTheFormerOnesMeanTheSame() {
    WorkerConfig renamed = WorkerConfig.fromEnvironment(Map.of("GROUNDSTREAM_WORKER_MODEL", "/models/a",
        "GROUNDSTREAM_WORKER_DEVICE", "cuda:1", "GROUNDSTREAM_WORKER_BLOB_DIR", "/blobs",
        "GROUNDSTREAM_WORKER_MAX_QUEUE_DELAY", "50ms"));
    WorkerConfig former = WorkerConfig.fromEnvironment(Map.of("GROUNDSTREAM_MODEL_DIR", "/models/a",
        "GROUNDSTREAM_DEVICE", "cuda:1", "GROUNDSTREAM_BLOB_DIR", "/blobs",
        "GROUNDSTREAM_WORKER_MAX_QUEUE_DELAY_MS", "50"));
    assertEquals(renamed.toString(), former.toString(), "same settings (the connections have no equals)");
    assertEquals(Duration.ofSeconds(2), WorkerConfig.fromEnvironmentAndArgs(Map.of("GROUNDSTREAM_WORKER_MODEL", "/m"),
        "--max-queue-delay", "2s").maxQueueDelay());
  }

  @Test
  void defaultsKeepTheConnectionsTheyAreGiven() {
    WorkerConfig config = WorkerConfig.defaults(dev.groundstream.config.KafkaConnection.of("test-broker:19092"),
        dev.groundstream.config.RegistryConnection.of("http://test-registry:18081"), Path.of("/m"));
    assertEquals("test-broker:19092", config.kafka().bootstrapServers());
    assertEquals("http://test-registry:18081", config.registry().url());
  }
}
