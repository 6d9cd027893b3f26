package dev.groundstream.worker;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.onnx.DeviceRequest;
import dev.groundstream.worker.onnx.OrtSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the grounding worker. From the environment ({@code GROUNDSTREAM_*}, see
 * {@link #fromEnvironment}) and then command-line flags ({@code --name value} or {@code --name=value},
 * see {@link #withArgs}), flags winning.
 *
 * @param modelDir model folder with groundstream-model.json (GROUNDSTREAM_MODEL_DIR, --model)
 * @param maxBatchSize requests per inference batch at most (GROUNDSTREAM_WORKER_MAX_BATCH_SIZE, --max-batch-size)
 * @param maxQueueDelay longest wait for a batch to fill (GROUNDSTREAM_WORKER_MAX_QUEUE_DELAY_MS, --max-queue-delay-ms)
 * @param queueCapacity pending requests above which partitions are paused (GROUNDSTREAM_WORKER_QUEUE_CAPACITY, --queue-capacity)
 * @param preprocessThreads decode/preprocess pool size (GROUNDSTREAM_WORKER_PREPROCESS_THREADS, --preprocess-threads)
 * @param blobDir the only directory file: image URIs may point into (GROUNDSTREAM_BLOB_DIR, --blob-dir)
 * @param httpPort /health and /metrics port; 0 picks a free one, -1 disables (GROUNDSTREAM_WORKER_HTTP_PORT, --http-port)
 * @param groupId consumer group; default grounding-worker.&lt;model&gt;.&lt;version&gt; (GROUNDSTREAM_WORKER_GROUP_ID, --group-id)
 * @param s3Blobs the only bucket and prefix s3:// image URIs may point into (GROUNDSTREAM_BLOB_URL=s3://bucket/prefix
 *     with GROUNDSTREAM_S3_*, --blob-url; see S3Blobs)
 * @param instanceId makes the transactional.id unique per replica and stable across its restarts (GROUNDSTREAM_WORKER_INSTANCE_ID, --instance-id)
 */
public record WorkerConfig(
    KafkaConnection kafka, RegistryConnection registry, Path modelDir,
    int maxBatchSize, Duration maxQueueDelay, int queueCapacity, int preprocessThreads,
    Optional<Path> blobDir, OrtSettings ort, PostprocessSettings ranking, int httpPort,
    Optional<String> groupId, String instanceId, Optional<S3Blobs> s3Blobs) {

  public WorkerConfig {
    if (maxBatchSize <= 0 || queueCapacity < maxBatchSize || preprocessThreads <= 0) {
      throw new IllegalArgumentException("need max batch size > 0, queue capacity >= max batch size and"
          + " preprocess threads > 0; got " + maxBatchSize + ", " + queueCapacity + ", " + preprocessThreads);
    }
    if (maxQueueDelay.isNegative()) {
      throw new IllegalArgumentException("max queue delay must not be negative");
    }
  }

  public static WorkerConfig fromEnvironment(Map<String, String> env) {
    Settings s = new Settings(env, Map.of());
    return s.build(KafkaConnection.fromEnvironment(env), RegistryConnection.fromEnvironment(env));
  }

  /** Applies flags over this config's environment-derived values. */
  public static WorkerConfig fromEnvironmentAndArgs(Map<String, String> env, String... args) {
    Map<String, String> flags = parseFlags(args);
    Settings s = new Settings(env, flags);
    KafkaConnection kafka = KafkaConnection.fromEnvironment(env);
    if (flags.containsKey("bootstrap-servers")) {
      kafka = kafka.withBootstrapServers(flags.get("bootstrap-servers"));
    }
    RegistryConnection registry = RegistryConnection.fromEnvironment(env);
    if (flags.containsKey("registry-url")) {
      registry = registry.withUrl(flags.get("registry-url"));
    }
    return s.build(kafka, registry);
  }

  /** For tests and the launcher: defaults plus the given connections and model. */
  public static WorkerConfig defaults(KafkaConnection kafka, RegistryConnection registry, Path modelDir) {
    return new Settings(Map.of("GROUNDSTREAM_MODEL_DIR", modelDir.toString()), Map.of()).build(kafka, registry);
  }

  public WorkerConfig withBatching(int newMaxBatchSize, Duration newMaxQueueDelay, int newQueueCapacity) {
    return new WorkerConfig(kafka, registry, modelDir, newMaxBatchSize, newMaxQueueDelay, newQueueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, s3Blobs);
  }

  public WorkerConfig withBlobDir(Path dir) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, Optional.of(dir), ort, ranking, httpPort, groupId, instanceId, s3Blobs);
  }

  /** Lets s3:// image URIs into {@code blobs}' bucket and prefix be read. */
  public WorkerConfig withS3Blobs(S3Blobs blobs) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, Optional.of(blobs));
  }

  public WorkerConfig withHttpPort(int port) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, port, groupId, instanceId, s3Blobs);
  }

  public WorkerConfig withGroupId(String group) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, Optional.of(group), instanceId, s3Blobs);
  }

  public WorkerConfig withModelDir(Path dir) {
    return new WorkerConfig(kafka, registry, dir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, s3Blobs);
  }

  static Map<String, String> parseFlags(String... args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "' (flags are --name value)");
      }
      String name = arg.substring(2);
      if (name.contains("=")) {
        flags.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
      } else if (name.equals("require-gpu")) {
        flags.put(name, "true");
      } else if (i + 1 < args.length) {
        flags.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("flag --" + name + " needs a value");
      }
    }
    return flags;
  }

  /** One setting = a flag name and an environment variable. */
  private record Settings(Map<String, String> env, Map<String, String> flags) {
    String get(String flag, String envName, String fallback) {
      return flags.getOrDefault(flag, env.getOrDefault(envName, fallback));
    }

    int integer(String flag, String envName, int fallback) {
      String v = get(flag, envName, null);
      try {
        return v == null ? fallback : Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + flag + " / " + envName + " must be an integer, got '" + v + "'");
      }
    }

    WorkerConfig build(KafkaConnection kafka, RegistryConnection registry) {
      String model = get("model", "GROUNDSTREAM_MODEL_DIR", null);
      if (model == null) {
        throw new IllegalArgumentException("no model: set GROUNDSTREAM_MODEL_DIR or --model <folder>");
      }
      OrtSettings ort = new OrtSettings(
          DeviceRequest.parse(get("device", "GROUNDSTREAM_DEVICE", "cpu")),
          Boolean.parseBoolean(get("require-gpu", "GROUNDSTREAM_REQUIRE_GPU", "false")),
          integer("intra-op-threads", "GROUNDSTREAM_ORT_INTRA_OP_THREADS", 0),
          integer("inter-op-threads", "GROUNDSTREAM_ORT_INTER_OP_THREADS", 0));
      PostprocessSettings ranking = new PostprocessSettings(
          integer("top-k", "GROUNDSTREAM_WORKER_TOP_K", 10),
          Float.parseFloat(get("nms-iou", "GROUNDSTREAM_WORKER_NMS_IOU", "0.5")));
      int maxBatch = integer("max-batch-size", "GROUNDSTREAM_WORKER_MAX_BATCH_SIZE", 8);
      return new WorkerConfig(kafka, registry, Path.of(model),
          maxBatch,
          Duration.ofMillis(integer("max-queue-delay-ms", "GROUNDSTREAM_WORKER_MAX_QUEUE_DELAY_MS", 20)),
          integer("queue-capacity", "GROUNDSTREAM_WORKER_QUEUE_CAPACITY", Math.max(64, 4 * maxBatch)),
          integer("preprocess-threads", "GROUNDSTREAM_WORKER_PREPROCESS_THREADS",
              Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
          Optional.ofNullable(get("blob-dir", "GROUNDSTREAM_BLOB_DIR", null)).map(Path::of),
          ort, ranking,
          integer("http-port", "GROUNDSTREAM_WORKER_HTTP_PORT", 8084),
          Optional.ofNullable(get("group-id", "GROUNDSTREAM_WORKER_GROUP_ID", null)),
          get("instance-id", "GROUNDSTREAM_WORKER_INSTANCE_ID", "0"),
          flags.containsKey("blob-url") ? Optional.of(S3Blobs.parse(flags.get("blob-url"), env))
              : S3Blobs.fromEnvironment(env));
    }
  }
}
