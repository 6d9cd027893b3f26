package dev.groundstream.worker;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.ServerTls;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.onnx.OrtSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the grounding worker, typed. Declared and read in {@link WorkerSettings}
 * (environment {@code GROUNDSTREAM_WORKER_<NAME>}, flags {@code --name value} or {@code --name=value},
 * flags winning; reference in docs/settings.md).
 *
 * @param modelDir model folder with groundstream-model.json (--model)
 * @param maxBatchSize requests per inference batch at most
 * @param maxQueueDelay longest wait for a batch to fill
 * @param queueCapacity pending requests above which partitions are paused
 * @param preprocessThreads decode/preprocess pool size
 * @param blobDir the only directory file: image URIs may point into
 * @param httpPort /health and /metrics port; 0 picks a free one, -1 disables
 * @param groupId consumer group; default grounding-worker.&lt;model&gt;.&lt;version&gt;
 * @param instanceId makes the transactional.id unique per replica and stable across its restarts
 * @param s3Blobs the only bucket and prefix s3:// image URIs may point into (--blob-url s3://bucket/prefix with
 *     GROUNDSTREAM_S3_*; see S3Blobs)
 * @param httpHost interface /health and /metrics bind to; default 0.0.0.0, the local mode uses 127.0.0.1
 * @param tls the HTTPS identity of /health and /metrics (TlsSettings); empty = plain HTTP
 */
public record WorkerConfig(
    KafkaConnection kafka, RegistryConnection registry, Path modelDir,
    int maxBatchSize, Duration maxQueueDelay, int queueCapacity, int preprocessThreads,
    Optional<Path> blobDir, OrtSettings ort, PostprocessSettings ranking, int httpPort,
    Optional<String> groupId, String instanceId, Optional<S3Blobs> s3Blobs, String httpHost, Optional<ServerTls> tls) {

  public static final String DEFAULT_HTTP_HOST = "0.0.0.0";

  /** Without an HTTP host (all interfaces) and without an S3 store. */
  public WorkerConfig(KafkaConnection kafka, RegistryConnection registry, Path modelDir,
      int maxBatchSize, Duration maxQueueDelay, int queueCapacity, int preprocessThreads,
      Optional<Path> blobDir, OrtSettings ort, PostprocessSettings ranking, int httpPort,
      Optional<String> groupId, String instanceId) {
    this(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity, preprocessThreads, blobDir, ort,
        ranking, httpPort, groupId, instanceId, Optional.empty(), DEFAULT_HTTP_HOST, Optional.empty());
  }

  /** Without an HTTP host: all interfaces. */
  public WorkerConfig(KafkaConnection kafka, RegistryConnection registry, Path modelDir,
      int maxBatchSize, Duration maxQueueDelay, int queueCapacity, int preprocessThreads,
      Optional<Path> blobDir, OrtSettings ort, PostprocessSettings ranking, int httpPort,
      Optional<String> groupId, String instanceId, Optional<S3Blobs> s3Blobs) {
    this(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity, preprocessThreads, blobDir, ort,
        ranking, httpPort, groupId, instanceId, s3Blobs, DEFAULT_HTTP_HOST, Optional.empty());
  }

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
    return WorkerSettings.read(env, List.of());
  }

  /** Flags over the environment, in the grammar of {@link WorkerSettings}. */
  public static WorkerConfig fromEnvironmentAndArgs(Map<String, String> env, String... args) {
    return WorkerSettings.read(env, List.of(args));
  }

  /** For tests and the launcher: defaults plus the given connections and model. */
  public static WorkerConfig defaults(KafkaConnection kafka, RegistryConnection registry, Path modelDir) {
    return WorkerSettings.defaults(kafka, registry, Map.of(WorkerSettings.MODEL.name(), modelDir.toString()));
  }

  public WorkerConfig withBatching(int newMaxBatchSize, Duration newMaxQueueDelay, int newQueueCapacity) {
    return new WorkerConfig(kafka, registry, modelDir, newMaxBatchSize, newMaxQueueDelay, newQueueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, s3Blobs, httpHost, tls);
  }

  public WorkerConfig withBlobDir(Path dir) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, Optional.of(dir), ort, ranking, httpPort, groupId, instanceId, s3Blobs, httpHost, tls);
  }

  public WorkerConfig withHttpPort(int port) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, port, groupId, instanceId, s3Blobs, httpHost, tls);
  }

  public WorkerConfig withHttpHost(String host) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, s3Blobs, host, tls);
  }

  /** Serves /health and /metrics over HTTPS with {@code identity}. */
  public WorkerConfig withTls(ServerTls identity) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, s3Blobs, httpHost, Optional.of(identity));
  }

  /** Lets s3:// image URIs into {@code blobs}' bucket and prefix be read. */
  public WorkerConfig withS3Blobs(S3Blobs blobs) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, Optional.of(blobs), httpHost, tls);
  }

  public WorkerConfig withGroupId(String group) {
    return new WorkerConfig(kafka, registry, modelDir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, Optional.of(group), instanceId, s3Blobs, httpHost, tls);
  }

  public WorkerConfig withModelDir(Path dir) {
    return new WorkerConfig(kafka, registry, dir, maxBatchSize, maxQueueDelay, queueCapacity,
        preprocessThreads, blobDir, ort, ranking, httpPort, groupId, instanceId, s3Blobs, httpHost, tls);
  }
}
