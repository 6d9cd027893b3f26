package dev.groundstream.ingest;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.images.ImageBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the ingest service in one typed place. Sources, later wins: defaults, the
 * environment ({@code GROUNDSTREAM_INGEST_<KEY>} with the dotted key upper-cased and dots as
 * underscores, plus GROUNDSTREAM_KAFKA_* / GROUNDSTREAM_REGISTRY_* for the connections) and
 * command-line flags ({@code --<key>=<value>}, dots or dashes; {@code --bootstrap-servers},
 * {@code --registry-url}). The keys are listed in docs/http-api.md.
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
    Optional<S3Blobs> s3Blobs) {

  public static final String ENV_PREFIX = "GROUNDSTREAM_INGEST_";

  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String IMAGE_INLINE_MAX_BYTES = "image.inline.max.bytes";
  public static final String IMAGE_MAX_BYTES = "image.max.bytes";
  public static final String IMAGE_MAX_PIXELS = "image.max.pixels";
  public static final String IMAGE_WEBP_MAX_PIXELS = "image.webp.max.pixels";
  public static final String IMAGE_MAX_DECODED_BYTES = "image.max.decoded.bytes";
  public static final String BLOB_DIR = "blob.dir";
  public static final String URI_TIMEOUT_MS = "uri.timeout.ms";
  public static final String URI_ALLOW_PRIVATE = "uri.allow.private";
  public static final String URI_FILE_ROOTS = "uri.file.roots";
  public static final String API_KEYS = "api.keys";
  public static final String RATE_LIMIT_PER_SECOND = "rate.limit.per.second";
  public static final String RATE_LIMIT_BURST = "rate.limit.burst";
  public static final String IDEMPOTENCY_CACHE_SIZE = "idempotency.cache.size";
  public static final String IDEMPOTENCY_LOAD_TIMEOUT_MS = "idempotency.load.timeout.ms";
  public static final String DECODE_THREADS = "decode.threads";
  public static final String MAX_CAPTION_CHARS = "max.caption.chars";
  public static final String MAX_PHRASES = "max.phrases";
  public static final String CREATE_TOPICS = "create.topics";
  public static final String RESULTS_CACHE_SIZE = "results.cache.size";
  public static final String RESULTS_LOOKBACK_MS = "results.lookback.ms";
  public static final String RESULTS_WAIT_MAX_MS = "results.wait.max.ms";

  /** Every key with its default, in documentation order. */
  public static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(HOST, "0.0.0.0");
    d.put(PORT, "8080");
    d.put(IMAGE_INLINE_MAX_BYTES, Long.toString(1024 * 1024));
    d.put(IMAGE_MAX_BYTES, Long.toString(32L * 1024 * 1024));
    d.put(IMAGE_MAX_PIXELS, Long.toString(ImageBudget.DEFAULT_MAX_PIXELS));
    d.put(IMAGE_WEBP_MAX_PIXELS, Long.toString(ImageBudget.DEFAULT_WEBP_MAX_PIXELS)); // the WebP decoder cannot subsample its memory
    d.put(IMAGE_MAX_DECODED_BYTES, Long.toString(ImageBudget.DEFAULT_MAX_DECODED_BYTES));
    d.put(BLOB_DIR, "blobs");
    d.put(URI_TIMEOUT_MS, "5000");
    d.put(URI_ALLOW_PRIVATE, "false");
    d.put(URI_FILE_ROOTS, "");
    d.put(API_KEYS, "");
    d.put(RATE_LIMIT_PER_SECOND, "200");
    d.put(RATE_LIMIT_BURST, "400");
    d.put(IDEMPOTENCY_CACHE_SIZE, "100000");
    d.put(IDEMPOTENCY_LOAD_TIMEOUT_MS, "60000");
    d.put(DECODE_THREADS, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
    d.put(MAX_CAPTION_CHARS, "2000");
    d.put(MAX_PHRASES, "64");
    d.put(CREATE_TOPICS, "true");
    d.put(RESULTS_CACHE_SIZE, "100000");
    d.put(RESULTS_LOOKBACK_MS, Long.toString(24L * 60 * 60 * 1000));
    d.put(RESULTS_WAIT_MAX_MS, "30000");
    return Map.copyOf(d);
  }

  public static IngestConfig fromEnvironment(Map<String, String> env, String... args) {
    Map<String, String> values = new HashMap<>(DEFAULTS);
    for (String key : DEFAULTS.keySet()) {
      String envName = ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
      if (env.containsKey(envName)) {
        values.put(key, env.get(envName));
      }
    }
    KafkaConnection kafka = KafkaConnection.fromEnvironment(env);
    RegistryConnection registry = RegistryConnection.fromEnvironment(env);
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Flags are --key=value, got: " + arg);
      }
      String key = arg.substring(2, arg.indexOf('=')).replace('-', '.');
      String value = arg.substring(arg.indexOf('=') + 1);
      if (key.equals("bootstrap.servers")) {
        kafka = kafka.withBootstrapServers(value);
      } else if (key.equals("registry.url")) {
        registry = registry.withUrl(value);
      } else if (DEFAULTS.containsKey(key)) {
        values.put(key, value);
      } else {
        throw new IllegalArgumentException("Unknown flag --" + key + "; known: " + DEFAULTS.keySet()
            + ", bootstrap.servers, registry.url");
      }
    }
    return fromValues(values, kafka, registry, S3Blobs.fromEnvironment(env));
  }

  /** Defaults overridden by {@code values} (dotted keys); for tests and embedding. */
  public static IngestConfig of(KafkaConnection kafka, RegistryConnection registry, Map<String, String> values) {
    return of(kafka, registry, values, Optional.empty());
  }

  /** As {@link #of(KafkaConnection, RegistryConnection, Map)}, claim-checked images in {@code s3Blobs} if given. */
  public static IngestConfig of(KafkaConnection kafka, RegistryConnection registry, Map<String, String> values,
      Optional<S3Blobs> s3Blobs) {
    Map<String, String> merged = new HashMap<>(DEFAULTS);
    values.forEach((k, v) -> {
      if (!DEFAULTS.containsKey(k)) {
        throw new IllegalArgumentException("Unknown setting " + k);
      }
      merged.put(k, v);
    });
    return fromValues(merged, kafka, registry, s3Blobs);
  }

  private static IngestConfig fromValues(Map<String, String> v, KafkaConnection kafka, RegistryConnection registry,
      Optional<S3Blobs> s3Blobs) {
    List<Path> roots = new ArrayList<>();
    for (String root : v.get(URI_FILE_ROOTS).split(",")) {
      if (!root.isBlank()) {
        roots.add(Path.of(root.trim()).toAbsolutePath().normalize());
      }
    }
    return new IngestConfig(
        v.get(HOST),
        intValue(v, PORT),
        kafka,
        registry,
        longValue(v, IMAGE_INLINE_MAX_BYTES),
        longValue(v, IMAGE_MAX_BYTES),
        longValue(v, IMAGE_MAX_PIXELS),
        longValue(v, IMAGE_WEBP_MAX_PIXELS),
        longValue(v, IMAGE_MAX_DECODED_BYTES),
        Path.of(v.get(BLOB_DIR)),
        Duration.ofMillis(longValue(v, URI_TIMEOUT_MS)),
        Boolean.parseBoolean(v.get(URI_ALLOW_PRIVATE)),
        List.copyOf(roots),
        parseApiKeys(v.get(API_KEYS)),
        doubleValue(v, RATE_LIMIT_PER_SECOND),
        doubleValue(v, RATE_LIMIT_BURST),
        intValue(v, IDEMPOTENCY_CACHE_SIZE),
        Duration.ofMillis(longValue(v, IDEMPOTENCY_LOAD_TIMEOUT_MS)),
        intValue(v, DECODE_THREADS),
        intValue(v, MAX_CAPTION_CHARS),
        intValue(v, MAX_PHRASES),
        Boolean.parseBoolean(v.get(CREATE_TOPICS)),
        intValue(v, RESULTS_CACHE_SIZE),
        Duration.ofMillis(longValue(v, RESULTS_LOOKBACK_MS)),
        Duration.ofMillis(longValue(v, RESULTS_WAIT_MAX_MS)),
        s3Blobs);
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
        throw new IllegalArgumentException(API_KEYS + " entries are tenant:<sha256 hex of the key>, got '"
            + (colon < 0 ? "[no colon]" : tenant + ":[" + hash.length() + " chars]") + "'");
      }
      byHash.put(hash, tenant);
    }
    return Map.copyOf(byHash);
  }

  private static int intValue(Map<String, String> v, String key) {
    return (int) longValue(v, key);
  }

  private static long longValue(Map<String, String> v, String key) {
    try {
      return Long.parseLong(v.get(key).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v.get(key) + "'", e);
    }
  }

  private static double doubleValue(Map<String, String> v, String key) {
    try {
      return Double.parseDouble(v.get(key).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + v.get(key) + "'", e);
    }
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
        + ", resultsWaitMax=" + resultsWaitMax + ", s3Blobs=" + s3Blobs.map(S3Blobs::toString).orElse("none") + "}";
  }
}
