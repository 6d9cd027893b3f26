package dev.groundstream.ingest;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.settings.ConnectionSettings;
import dev.groundstream.config.settings.ServiceSettings;
import dev.groundstream.config.settings.Setting;
import dev.groundstream.config.settings.TlsSettings;
import dev.groundstream.images.ImageBudget;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Every setting of the ingest service, declared once (docs/settings.md is generated from this list). */
public final class IngestSettings {
  private static final UnaryOperator<String> MILLIS = ms -> ms.trim() + "ms";

  public static final Setting<String> BOOTSTRAP_SERVERS = ConnectionSettings.BOOTSTRAP_SERVERS;
  public static final Setting<String> REGISTRY_URL = ConnectionSettings.REGISTRY_URL;
  public static final Setting<String> HOST = Setting.text("host", "0.0.0.0", "Address the HTTP API binds.");
  public static final Setting<Integer> PORT = Setting.integer("port", 8080, "HTTP API port; 0 = any free.")
      .validate(p -> p >= 0 && p <= 65535, "must be 0..65535");
  public static final Setting<Long> IMAGE_INLINE_MAX_BYTES = Setting.longInteger("image-inline-max-bytes", 1024 * 1024,
      "Images up to this size travel inside the request; larger ones are claim-checked.").validate(n -> n >= 0, "must be >= 0");
  public static final Setting<Long> IMAGE_MAX_BYTES = Setting.longInteger("image-max-bytes", 32L * 1024 * 1024,
      "Largest encoded image accepted (413 image_too_large).").validate(n -> n > 0, "must be > 0");
  public static final Setting<Long> IMAGE_MAX_PIXELS = Setting.longInteger("image-max-pixels", ImageBudget.DEFAULT_MAX_PIXELS,
      "Most pixels an image may declare in its header (413 too_many_pixels).").validate(n -> n > 0, "must be > 0");
  public static final Setting<Long> IMAGE_WEBP_MAX_PIXELS = Setting.longInteger("image-webp-max-pixels",
      ImageBudget.DEFAULT_WEBP_MAX_PIXELS, "Pixel cap for WebP, whose decoder cannot subsample its memory.")
      .validate(n -> n > 0, "must be > 0");
  public static final Setting<Long> IMAGE_MAX_DECODED_BYTES = Setting.longInteger("image-max-decoded-bytes",
      ImageBudget.DEFAULT_MAX_DECODED_BYTES, "Largest full raster (bit depth x channels x pixels) an image may need (413 decoded_too_large).")
      .validate(n -> n > 0, "must be > 0");
  public static final Setting<String> BLOB_DIR = Setting.text("blob-dir", "blobs",
      "Claim-check folder (unless GROUNDSTREAM_BLOB_URL is an s3:// URL).");
  public static final Setting<String> BLOB_URL = Setting.text("blob-url", "",
      "s3://bucket[/prefix] for claim-checked images (endpoint and credentials from GROUNDSTREAM_S3_*); none = blob-dir.")
      .env(S3Blobs.BLOB_URL_ENV);
  public static final Setting<Duration> URI_TIMEOUT = Setting.duration("uri-timeout", "5s",
      "Total deadline of an image URI fetch: DNS, connect, headers, redirects and body.")
      .validate(d -> !d.isZero(), "must be > 0")
      .formerly("GROUNDSTREAM_INGEST_URI_TIMEOUT_MS", MILLIS).formerly("--uri-timeout-ms", MILLIS);
  public static final Setting<Boolean> URI_ALLOW_PRIVATE = Setting.bool("uri-allow-private", false,
      "Allow image URIs on loopback, private and other non-global addresses (tests only).");
  public static final Setting<String> URI_FILE_ROOTS = Setting.text("uri-file-roots", "",
      "Comma-separated folders file: image URIs may point into; none = no file: URIs.");
  public static final Setting<String> API_KEYS = Setting.text("api-keys", "",
      "tenant:<sha256 hex of the key>,... (a tenant may have several keys); none = no tenant can call.")
      .validate(spec -> { IngestConfig.parseApiKeys(spec); return true; }, "entries are tenant:<sha256 hex>")
      .secret();
  public static final Setting<Double> RATE_LIMIT_PER_SECOND = Setting.decimal("rate-limit-per-second", 200,
      "Requests per second per tenant (token bucket).").validate(r -> r > 0, "must be > 0");
  public static final Setting<Double> RATE_LIMIT_BURST = Setting.decimal("rate-limit-burst", 400,
      "Bucket size of the per-tenant rate limit.").validate(r -> r > 0, "must be > 0");
  public static final Setting<Integer> IDEMPOTENCY_CACHE_SIZE = Setting.integer("idempotency-cache-size", 100_000,
      "Client request ids remembered in memory (the accepted index on Kafka keeps all).").validate(n -> n > 0, "must be > 0");
  public static final Setting<Duration> IDEMPOTENCY_LOAD_TIMEOUT = Setting.duration("idempotency-load-timeout", "60s",
      "Longest wait at start for the accepted index to load.")
      .formerly("GROUNDSTREAM_INGEST_IDEMPOTENCY_LOAD_TIMEOUT_MS", MILLIS).formerly("--idempotency-load-timeout-ms", MILLIS);
  public static final Setting<Integer> DECODE_THREADS = Setting.integer("decode-threads", 0,
      "Image validation threads; 0 = the cores, at least 2.").validate(n -> n >= 0, "must be >= 0");
  public static final Setting<Integer> MAX_CAPTION_CHARS = Setting.integer("max-caption-chars", 2000,
      "Longest caption accepted.").validate(n -> n > 0, "must be > 0");
  public static final Setting<Integer> MAX_PHRASES = Setting.integer("max-phrases", 64, "Most phrases per request.")
      .validate(n -> n > 0, "must be > 0");
  public static final Setting<Boolean> CREATE_TOPICS = Setting.bool("create-topics", true, "Create missing topics at start.");
  public static final Setting<Integer> RESULTS_CACHE_SIZE = Setting.integer("results-cache-size", 100_000,
      "Requests whose results GET /v1/requests/{id}/result keeps in memory.").validate(n -> n > 0, "must be > 0");
  public static final Setting<Duration> RESULTS_LOOKBACK = Setting.duration("results-lookback", "24h",
      "How far back grounding.results is read at start for the result view.")
      .formerly("GROUNDSTREAM_INGEST_RESULTS_LOOKBACK_MS", MILLIS).formerly("--results-lookback-ms", MILLIS);
  public static final Setting<Duration> RESULTS_WAIT_MAX = Setting.duration("results-wait-max", "30s",
      "Cap of ?wait= on the result endpoint (longer waits are clamped).")
      .formerly("GROUNDSTREAM_INGEST_RESULTS_WAIT_MAX_MS", MILLIS).formerly("--results-wait-max-ms", MILLIS);

  public static final ServiceSettings SETTINGS = new ServiceSettings("ingest", TlsSettings.andTls(List.of(BOOTSTRAP_SERVERS, REGISTRY_URL,
      HOST, PORT, IMAGE_INLINE_MAX_BYTES, IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS, IMAGE_WEBP_MAX_PIXELS,
      IMAGE_MAX_DECODED_BYTES, BLOB_DIR, BLOB_URL, URI_TIMEOUT, URI_ALLOW_PRIVATE, URI_FILE_ROOTS, API_KEYS,
      RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST, IDEMPOTENCY_CACHE_SIZE, IDEMPOTENCY_LOAD_TIMEOUT, DECODE_THREADS,
      MAX_CAPTION_CHARS, MAX_PHRASES, CREATE_TOPICS, RESULTS_CACHE_SIZE, RESULTS_LOOKBACK, RESULTS_WAIT_MAX)));

  private IngestSettings() {}
}
