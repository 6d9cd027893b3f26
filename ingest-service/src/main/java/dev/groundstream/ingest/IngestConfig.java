package dev.groundstream.ingest;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.ServerTls;
import dev.groundstream.config.settings.ConnectionSettings;
import dev.groundstream.config.settings.SettingValues;
import dev.groundstream.config.settings.TlsSettings;
import dev.groundstream.images.ImageBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every setting of the ingest service, typed. Declared and read in {@link IngestSettings}
 * (environment {@code GROUNDSTREAM_INGEST_<NAME>}, flags {@code --name value} or {@code --name=value},
 * flags winning; Kafka and registry from GROUNDSTREAM_KAFKA_* / GROUNDSTREAM_REGISTRY_*; reference in
 * docs/settings.md).
 *
 * <p>API keys are configured as sha256 hashes ({@code api.keys=tenantA:<hex>,tenantB:<hex>}), so
 * the config never holds a usable secret.
 */
public record IngestConfig(
    String host,
    int port,
    KafkaConnection kafka,
    RegistryConnection registry,
    long imageInlineMaxBytes,
    long imageMaxBytes,
    long imageMaxPixels,
    long imageWebpMaxPixels,
    long imageMaxDecodedBytes,
    Path blobDir,
    Duration uriTimeout,
    boolean uriAllowPrivate,
    List<Path> uriFileRoots,
    Map<String, String> apiKeyHashes,
    double rateLimitPerSecond,
    double rateLimitBurst,
    int idempotencyCacheSize,
    Duration idempotencyLoadTimeout,
    int decodeThreads,
    int maxCaptionChars,
    int maxPhrases,
    boolean createTopics,
    int resultsCacheSize,
    Duration resultsLookback,
    Duration resultsWaitMax,
    Optional<S3Blobs> s3Blobs,
    Optional<ServerTls> tls) {

  public static final String ENV_PREFIX = "GROUNDSTREAM_INGEST_";

  // Setting names for of(...) (IngestSettings declares them all).
  public static final String HOST = IngestSettings.HOST.name();
  public static final String PORT = IngestSettings.PORT.name();
  public static final String IMAGE_INLINE_MAX_BYTES = IngestSettings.IMAGE_INLINE_MAX_BYTES.name();
  public static final String IMAGE_MAX_BYTES = IngestSettings.IMAGE_MAX_BYTES.name();
  public static final String BLOB_DIR = IngestSettings.BLOB_DIR.name();
  public static final String URI_TIMEOUT = IngestSettings.URI_TIMEOUT.name();
  public static final String URI_ALLOW_PRIVATE = IngestSettings.URI_ALLOW_PRIVATE.name();
  public static final String API_KEYS = IngestSettings.API_KEYS.name();
  public static final String RATE_LIMIT_PER_SECOND = IngestSettings.RATE_LIMIT_PER_SECOND.name();
  public static final String RATE_LIMIT_BURST = IngestSettings.RATE_LIMIT_BURST.name();
  public static final String DECODE_THREADS = IngestSettings.DECODE_THREADS.name();
  public static final String RESULTS_WAIT_MAX = IngestSettings.RESULTS_WAIT_MAX.name();
  /** Former names, in milliseconds; still read (with a deprecation warning). */
  public static final String URI_TIMEOUT_MS = "uri-timeout-ms";
  public static final String RESULTS_WAIT_MAX_MS = "results-wait-max-ms";

  private static final Logger LOG = LoggerFactory.getLogger(IngestConfig.class);

  /** From the environment and flags ({@code --name value} or {@code --name=value}; dotted names still work). */
  public static IngestConfig fromEnvironment(Map<String, String> env, String... args) {
    List<String> flags = new ArrayList<>();
    for (String arg : args) {
      flags.add(dashed(arg));
    }
    SettingValues v = IngestSettings.SETTINGS.read(env, flags);
    return build(v, KafkaConnection.fromEnvironment(env), RegistryConnection.fromEnvironment(env), env);
  }

  /** Defaults overridden by {@code values} (setting names; dotted ones still work); for tests and embedding. */
  public static IngestConfig of(KafkaConnection kafka, RegistryConnection registry, Map<String, String> values) {
    return of(kafka, registry, values, Optional.empty());
  }

  /** As {@link #of(KafkaConnection, RegistryConnection, Map)}, claim-checked images in {@code s3Blobs} if given. */
  public static IngestConfig of(KafkaConnection kafka, RegistryConnection registry, Map<String, String> values,
      Optional<S3Blobs> s3Blobs) {
    List<String> flags = new ArrayList<>();
    values.forEach((k, v) -> flags.add(dashed("--" + k + "=" + v)));
    SettingValues parsed = IngestSettings.SETTINGS.read(Map.of(), flags);
    IngestConfig config = build(parsed, kafka, registry, Map.of());
    return s3Blobs.isPresent() ? config.withS3Blobs(s3Blobs) : config;
  }

  /** {@code --image.inline.max.bytes=1} (the former grammar) -> {@code --image-inline-max-bytes=1}. */
  private static String dashed(String arg) {
    if (!arg.startsWith("--")) {
      return arg;
    }
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
    if (!name.contains(".")) {
      return arg;
    }
    LOG.warn("--{} is deprecated and will be removed in the next release; use --{}", name, name.replace('.', '-'));
    return "--" + name.replace('.', '-') + (eq < 0 ? "" : arg.substring(eq));
  }

  private static IngestConfig build(SettingValues v, KafkaConnection kafkaFromEnv, RegistryConnection registryFromEnv,
      Map<String, String> env) {
    List<Path> roots = new ArrayList<>();
    for (String root : v.get(IngestSettings.URI_FILE_ROOTS).split(",")) {
      if (!root.isBlank()) {
        roots.add(Path.of(root.trim()).toAbsolutePath().normalize());
      }
    }
    String blobUrl = v.get(IngestSettings.BLOB_URL);
    int decodeThreads = v.get(IngestSettings.DECODE_THREADS);
    return new IngestConfig(
        v.get(IngestSettings.HOST),
        v.get(IngestSettings.PORT),
        ConnectionSettings.kafka(v, kafkaFromEnv),
        ConnectionSettings.registry(v, registryFromEnv),
        v.get(IngestSettings.IMAGE_INLINE_MAX_BYTES),
        v.get(IngestSettings.IMAGE_MAX_BYTES),
        v.get(IngestSettings.IMAGE_MAX_PIXELS),
        v.get(IngestSettings.IMAGE_WEBP_MAX_PIXELS),
        v.get(IngestSettings.IMAGE_MAX_DECODED_BYTES),
        Path.of(v.get(IngestSettings.BLOB_DIR)),
        v.get(IngestSettings.URI_TIMEOUT),
        v.get(IngestSettings.URI_ALLOW_PRIVATE),
        List.copyOf(roots),
        parseApiKeys(v.get(IngestSettings.API_KEYS)),
        v.get(IngestSettings.RATE_LIMIT_PER_SECOND),
        v.get(IngestSettings.RATE_LIMIT_BURST),
        v.get(IngestSettings.IDEMPOTENCY_CACHE_SIZE),
        v.get(IngestSettings.IDEMPOTENCY_LOAD_TIMEOUT),
        decodeThreads == 0 ? Math.max(2, Runtime.getRuntime().availableProcessors()) : decodeThreads,
        v.get(IngestSettings.MAX_CAPTION_CHARS),
        v.get(IngestSettings.MAX_PHRASES),
        v.get(IngestSettings.CREATE_TOPICS),
        v.get(IngestSettings.RESULTS_CACHE_SIZE),
        v.get(IngestSettings.RESULTS_LOOKBACK),
        v.get(IngestSettings.RESULTS_WAIT_MAX),
        S3Blobs.isS3(blobUrl) ? Optional.of(S3Blobs.parse(blobUrl, env)) : Optional.empty(),
        TlsSettings.read(v));
  }

  private IngestConfig withS3Blobs(Optional<S3Blobs> blobs) {
    return new IngestConfig(host, port, kafka, registry, imageInlineMaxBytes, imageMaxBytes, imageMaxPixels,
        imageWebpMaxPixels, imageMaxDecodedBytes, blobDir, uriTimeout, uriAllowPrivate, uriFileRoots, apiKeyHashes,
        rateLimitPerSecond, rateLimitBurst, idempotencyCacheSize, idempotencyLoadTimeout, decodeThreads,
        maxCaptionChars, maxPhrases, createTopics, resultsCacheSize, resultsLookback, resultsWaitMax, blobs, tls);
  }

  /** {@code tenant:sha256hex,...} -> hash -> tenant. A tenant may have several keys (rotation). */
  static Map<String, String> parseApiKeys(String spec) {
    Map<String, String> byHash = new HashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String tenant = colon < 0 ? "" : entry.substring(0, colon).trim();
      String hash = colon < 0 ? "" : entry.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      if (tenant.isEmpty() || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("api-keys entries are tenant:<sha256 hex of the key>, got '"
            + (colon < 0 ? "[no colon]" : tenant + ":[" + hash.length() + " chars]") + "'");
      }
      byHash.put(hash, tenant);
    }
    return Map.copyOf(byHash);
  }

  /** The decode budget ingest enforces (the worker enforces the same by default). */
  public ImageBudget imageBudget() {
    return new ImageBudget(imageMaxPixels, imageMaxDecodedBytes, imageWebpMaxPixels);
  }

  /** API key hashes are not printed; tenants are. */
  @Override
  public String toString() {
    return "IngestConfig{host=" + host + ", port=" + port + ", kafka=" + kafka + ", registry=" + registry
        + ", imageInlineMaxBytes=" + imageInlineMaxBytes + ", imageMaxBytes=" + imageMaxBytes
        + ", imageMaxPixels=" + imageMaxPixels + ", imageWebpMaxPixels=" + imageWebpMaxPixels + ", imageMaxDecodedBytes=" + imageMaxDecodedBytes
        + ", blobDir=" + blobDir + ", uriTimeout=" + uriTimeout
        + ", uriAllowPrivate=" + uriAllowPrivate + ", uriFileRoots=" + uriFileRoots
        + ", tenants=" + new java.util.TreeSet<>(apiKeyHashes.values())
        + ", rateLimitPerSecond=" + rateLimitPerSecond + ", rateLimitBurst=" + rateLimitBurst
        + ", idempotencyCacheSize=" + idempotencyCacheSize + ", idempotencyLoadTimeout=" + idempotencyLoadTimeout
        + ", decodeThreads=" + decodeThreads
        + ", maxCaptionChars=" + maxCaptionChars + ", maxPhrases=" + maxPhrases + ", createTopics=" + createTopics
        + ", resultsCacheSize=" + resultsCacheSize + ", resultsLookback=" + resultsLookback
        + ", resultsWaitMax=" + resultsWaitMax + ", s3Blobs=" + s3Blobs.map(S3Blobs::toString).orElse("none")
        + ", tls=" + tls.map(ServerTls::toString).orElse("off") + "}";
  }
}
