package dev.groundstream.worker;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.settings.ConnectionSettings;
import dev.groundstream.config.settings.ServiceSettings;
import dev.groundstream.config.settings.Setting;
import dev.groundstream.config.settings.SettingValues;
import dev.groundstream.config.settings.TlsSettings;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.onnx.DeviceRequest;
import dev.groundstream.worker.onnx.OrtSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of the grounding worker, declared once (docs/settings.md is generated from this list). */
public final class WorkerSettings {
  public static final Setting<String> BOOTSTRAP_SERVERS = ConnectionSettings.BOOTSTRAP_SERVERS;
  public static final Setting<String> REGISTRY_URL = ConnectionSettings.REGISTRY_URL;
  public static final Setting<String> MODEL = Setting.text("model", "",
      "Model folder with groundstream-model.json.")
      .validate(s -> !s.isBlank(), "no model: set GROUNDSTREAM_WORKER_MODEL or --model <folder>")
      .formerly("GROUNDSTREAM_MODEL_DIR");
  public static final Setting<DeviceRequest> DEVICE = Setting.of("device", "cpu|cuda[:N]", DeviceRequest::parse, "cpu",
      "Execution provider: CPU, or CUDA on GPU N (falls back to CPU with a warning).").formerly("GROUNDSTREAM_DEVICE");
  public static final Setting<Boolean> REQUIRE_GPU = Setting.bool("require-gpu", false,
      "Exit 2 instead of falling back to CPU when CUDA is unusable.").formerly("GROUNDSTREAM_REQUIRE_GPU");
  public static final Setting<Integer> INTRA_OP_THREADS = Setting.integer("intra-op-threads", 0,
      "ONNX Runtime intra-op threads; 0 = its default.").validate(n -> n >= 0, "must be >= 0")
      .formerly("GROUNDSTREAM_ORT_INTRA_OP_THREADS");
  public static final Setting<Integer> INTER_OP_THREADS = Setting.integer("inter-op-threads", 0,
      "ONNX Runtime inter-op threads; 0 = its default.").validate(n -> n >= 0, "must be >= 0")
      .formerly("GROUNDSTREAM_ORT_INTER_OP_THREADS");
  public static final Setting<Integer> TOP_K = Setting.integer("top-k", 10, "Boxes kept per phrase.")
      .validate(n -> n > 0, "must be > 0");
  public static final Setting<Double> NMS_IOU = Setting.decimal("nms-iou", 0.5,
      "IoU above which a lower-scored box of the same phrase is suppressed.")
      .validate(v -> v > 0 && v <= 1, "must be in (0, 1]");
  public static final Setting<Integer> MAX_BATCH_SIZE = Setting.integer("max-batch-size", 8,
      "Requests per inference batch at most (the card's maxBatch splits further).").validate(n -> n > 0, "must be > 0");
  public static final Setting<Duration> MAX_QUEUE_DELAY = Setting.duration("max-queue-delay", "20ms",
      "Longest wait for a batch to fill.")
      .formerly("GROUNDSTREAM_WORKER_MAX_QUEUE_DELAY_MS", ms -> ms.trim() + "ms")
      .formerly("--max-queue-delay-ms", ms -> ms.trim() + "ms");
  public static final Setting<Integer> QUEUE_CAPACITY = Setting.integer("queue-capacity", 0,
      "Pending requests above which partitions are paused; 0 = 4 x max-batch-size, at least 64.")
      .validate(n -> n >= 0, "must be >= 0");
  public static final Setting<Integer> PREPROCESS_THREADS = Setting.integer("preprocess-threads", 0,
      "Decode and preprocess pool size; 0 = half the cores, at least 1.").validate(n -> n >= 0, "must be >= 0");
  public static final Setting<Optional<Path>> BLOB_DIR = Setting.optionalPath("blob-dir",
      "The only folder file: image URIs may point into; none = file: URIs are refused.")
      .formerly("GROUNDSTREAM_BLOB_DIR");
  public static final Setting<String> BLOB_URL = Setting.text("blob-url", "",
      "s3://bucket[/prefix] whose image URIs may be read (endpoint and credentials from GROUNDSTREAM_S3_*); none = no s3:// URIs.")
      .env(S3Blobs.BLOB_URL_ENV);
  public static final Setting<Integer> HTTP_PORT = Setting.integer("http-port", 8084,
      "/health and /metrics port; 0 picks a free one, -1 disables.").validate(p -> p >= -1 && p <= 65535, "must be -1..65535");
  public static final Setting<String> HTTP_HOST = Setting.text("http-host", WorkerConfig.DEFAULT_HTTP_HOST,
      "Interface /health and /metrics bind to (the local mode uses 127.0.0.1).");
  public static final Setting<String> GROUP_ID = Setting.text("group-id", "",
      "Consumer group; default grounding-worker.<model>.<version>.");
  public static final Setting<String> INSTANCE_ID = Setting.text("instance-id", "0",
      "Makes the transactional.id unique per replica and stable across its restarts.");

  public static final ServiceSettings SETTINGS = new ServiceSettings("worker", TlsSettings.andTls(List.of(BOOTSTRAP_SERVERS,
      REGISTRY_URL, MODEL, DEVICE, REQUIRE_GPU, INTRA_OP_THREADS, INTER_OP_THREADS, TOP_K, NMS_IOU, MAX_BATCH_SIZE,
      MAX_QUEUE_DELAY, QUEUE_CAPACITY, PREPROCESS_THREADS, BLOB_DIR, BLOB_URL, HTTP_HOST, HTTP_PORT, GROUP_ID, INSTANCE_ID)));

  private WorkerSettings() {}

  /** The worker's config from the environment and flags (flags win). */
  public static WorkerConfig read(Map<String, String> env, List<String> args) {
    SettingValues v = SETTINGS.read(env, args);
    return build(v, KafkaConnection.fromEnvironment(env), RegistryConnection.fromEnvironment(env), env);
  }

  /** Defaults with some settings replaced (name -> text), over the given connections. */
  public static WorkerConfig defaults(KafkaConnection kafka, RegistryConnection registry, Map<String, String> settings) {
    return build(SETTINGS.defaultsWith(settings), kafka, registry, Map.of());
  }

  private static WorkerConfig build(SettingValues v, KafkaConnection kafkaFromEnv, RegistryConnection registryFromEnv,
      Map<String, String> env) {
    KafkaConnection kafka = ConnectionSettings.kafka(v, kafkaFromEnv);
    RegistryConnection registry = ConnectionSettings.registry(v, registryFromEnv);
    int maxBatch = v.get(MAX_BATCH_SIZE);
    int capacity = v.get(QUEUE_CAPACITY) == 0 ? Math.max(64, 4 * maxBatch) : v.get(QUEUE_CAPACITY);
    return new WorkerConfig(kafka, registry, Path.of(v.get(MODEL)), maxBatch, v.get(MAX_QUEUE_DELAY), capacity,
        v.get(PREPROCESS_THREADS) == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2)
            : v.get(PREPROCESS_THREADS), v.get(BLOB_DIR),
        new OrtSettings(v.get(DEVICE), v.get(REQUIRE_GPU), v.get(INTRA_OP_THREADS), v.get(INTER_OP_THREADS)),
        new PostprocessSettings(v.get(TOP_K), v.get(NMS_IOU).floatValue()),
        v.get(HTTP_PORT), Optional.of(v.get(GROUP_ID)).filter(g -> !g.isBlank()), v.get(INSTANCE_ID),
        S3Blobs.isS3(v.get(BLOB_URL)) ? Optional.of(S3Blobs.parse(v.get(BLOB_URL), env)) : Optional.empty(),
        v.get(HTTP_HOST), TlsSettings.read(v));
  }
}
