package dev.groundstream.eval.config;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.settings.ConnectionSettings;
import dev.groundstream.config.settings.ServiceSettings;
import dev.groundstream.config.settings.Setting;
import dev.groundstream.config.settings.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every setting of the eval service, declared once (docs/settings.md is generated from this list). */
public final class EvalSettings {
  public static final String AT_LEAST_ONCE = "at_least_once";
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";

  public static final Setting<String> BOOTSTRAP_SERVERS = ConnectionSettings.BOOTSTRAP_SERVERS;
  public static final Setting<String> REGISTRY_URL = ConnectionSettings.REGISTRY_URL;
  public static final Setting<String> APPLICATION_ID = Setting.text("application-id", "groundstream-eval",
      "Kafka Streams application id (consumer group and internal topic prefix).");
  public static final Setting<Optional<Path>> STATE_DIR = Setting.optionalPath("state-dir",
      "Kafka Streams state folder; none = <tmp>/groundstream-eval.");
  public static final Setting<String> HTTP_HOST = Setting.text("http-host", "localhost",
      "Address the REST API and dashboard bind.");
  public static final Setting<String> ADVERTISED_HOST = Setting.text("advertised-host", "",
      "How other instances reach this one for interactive queries; none = http-host.");
  public static final Setting<Integer> HTTP_PORT = Setting.integer("http-port", 8083, "REST API and dashboard port; 0 = any free.")
      .validate(p -> p >= 0 && p <= 65535, "must be 0..65535");
  public static final Setting<String> PROCESSING_GUARANTEE = Setting.text("processing-guarantee", AT_LEAST_ONCE,
      "at_least_once or exactly_once_v2.")
      .validate(Set.of(AT_LEAST_ONCE, EXACTLY_ONCE_V2)::contains, "must be " + AT_LEAST_ONCE + " or " + EXACTLY_ONCE_V2);
  public static final Setting<Integer> STREAM_THREADS = Setting.integer("stream-threads", 1, "Kafka Streams threads.")
      .validate(n -> n > 0, "must be > 0");
  public static final Setting<Duration> COMMIT_INTERVAL = Setting.duration("commit-interval", "1s",
      "Kafka Streams commit interval.");
  public static final Setting<Long> CACHE_MAX_BYTES = Setting.longInteger("cache-max-bytes", 10L * 1024 * 1024,
      "Kafka Streams record cache size.").validate(n -> n >= 0, "must be >= 0");
  public static final Setting<Duration> TUMBLING_WINDOW = Setting.duration("tumbling-window", "1m",
      "Size of the tumbling accuracy windows.").validate(d -> !d.isZero(), "must be > 0");
  public static final Setting<Duration> HOPPING_WINDOW = Setting.duration("hopping-window", "1h",
      "Size of the hopping accuracy windows.").validate(d -> !d.isZero(), "must be > 0");
  public static final Setting<Duration> HOPPING_ADVANCE = Setting.duration("hopping-advance", "5m",
      "Advance of the hopping windows (> 0, at most hopping-window).").validate(d -> !d.isZero(), "must be > 0");
  public static final Setting<Duration> GRACE = Setting.duration("grace", "1m",
      "How late (event time) a result may arrive and still count in its window.");
  public static final Setting<Duration> WINDOW_RETENTION = Setting.duration("window-retention", "6h",
      "How long closed windows stay queryable (at least hopping-window + grace).");
  public static final Setting<Double> NO_BOX_SCORE_THRESHOLD = Setting.decimal("no-box-score-threshold", 0.3,
      "Top-1 score below which a prediction counts as 'no box' for no-box phrases.");
  public static final Setting<Optional<Double>> RECALL_FLOOR = Setting.optionalDecimal("recall-floor", "off",
      "Alert when recall@1 of a window falls below this; off = no floor.");
  public static final Setting<Optional<Double>> RECALL_MARGIN = Setting.optionalDecimal("recall-margin", "0.1",
      "Alert when recall@1 falls this far below its baseline; off = no margin.");
  public static final Setting<Optional<Double>> SCORE_FLOOR = Setting.optionalDecimal("score-floor", "off",
      "Alert when the median top-1 score falls below this; off = no floor.");
  public static final Setting<Optional<Double>> SCORE_MARGIN = Setting.optionalDecimal("score-margin", "0.15",
      "Alert when the median top-1 score falls this far below its baseline; off = no margin.");
  public static final Setting<Long> ALERT_MIN_SAMPLES = Setting.longInteger("alert-min-samples", 20,
      "Phrases a window needs before it may raise an alert.").validate(n -> n >= 0, "must be >= 0");
  public static final Setting<Integer> ALERT_MIN_BASELINE_WINDOWS = Setting.integer("alert-min-baseline-windows", 3,
      "Windows in the baseline before a margin rule applies.").validate(n -> n >= 0, "must be >= 0");
  public static final Setting<Double> BASELINE_ALPHA = Setting.decimal("baseline-alpha", 0.3,
      "Weight of the newest window in the exponential baseline.").validate(a -> a > 0 && a <= 1, "must be in (0, 1]");
  public static final Setting<Boolean> CREATE_TOPICS = Setting.bool("create-topics", true,
      "Create missing topics at start.");
  public static final Setting<Optional<Path>> BLOB_DIR = Setting.optionalPath("blob-dir",
      "Claim-check folder whose file: image URIs the viewer may serve; none = no images from files.");
  public static final Setting<Duration> IMAGE_RETENTION = Setting.duration("image-retention", "6h",
      "How long a request's image reference stays queryable.").validate(d -> !d.isZero(), "must be > 0");
  public static final Setting<JoinRetention> JOIN_RETENTION = Setting.of("join-retention",
      "duration|off[,model=duration|off]", JoinRetention::parse, "off",
      "How long the join stores keep a model's results and evaluations after the worker produced them, then"
      + " drop them (truth is kept); a default, then name:version=... overrides, e.g. 30d,ranker:2.0.0=7d.");
  public static final Setting<String> API_KEYS = Setting.text("api-keys", "",
      "name:<sha256 hex of the key>,...: the API, dashboard and /metrics need one (X-API-Key, Bearer or basic auth"
      + " as name:key); /health stays open; none = no access control (the default, and the local mode).")
      .validate(spec -> { dev.groundstream.eval.http.ApiAccess.parse(spec); return true; },
          "entries are name:<sha256 hex>")
      .secret();

  public static final ServiceSettings SETTINGS = new ServiceSettings("eval", TlsSettings.andTls(List.of(BOOTSTRAP_SERVERS, REGISTRY_URL,
      APPLICATION_ID, STATE_DIR, HTTP_HOST, ADVERTISED_HOST, HTTP_PORT, PROCESSING_GUARANTEE, STREAM_THREADS,
      COMMIT_INTERVAL, CACHE_MAX_BYTES, TUMBLING_WINDOW, HOPPING_WINDOW, HOPPING_ADVANCE, GRACE, WINDOW_RETENTION,
      NO_BOX_SCORE_THRESHOLD, RECALL_FLOOR, RECALL_MARGIN, SCORE_FLOOR, SCORE_MARGIN, ALERT_MIN_SAMPLES,
      ALERT_MIN_BASELINE_WINDOWS, BASELINE_ALPHA, CREATE_TOPICS, BLOB_DIR, IMAGE_RETENTION, JOIN_RETENTION, API_KEYS)));

  private EvalSettings() {}
}
