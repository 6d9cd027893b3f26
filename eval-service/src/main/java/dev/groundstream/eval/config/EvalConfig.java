package dev.groundstream.eval.config;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.config.ServerTls;
import dev.groundstream.config.settings.ConnectionSettings;
import dev.groundstream.config.settings.SettingValues;
import dev.groundstream.config.settings.SettingsException;
import dev.groundstream.config.settings.TlsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eval service's settings, typed: each accessor reads one setting declared in {@link EvalSettings}
 * (environment {@code GROUNDSTREAM_EVAL_<NAME>}, flags {@code --name value} or {@code --name=value};
 * Kafka and registry from {@code GROUNDSTREAM_KAFKA_*} / {@code GROUNDSTREAM_REGISTRY_*}; reference in
 * docs/settings.md). Cross-setting rules are checked here.
 */
public record EvalConfig(KafkaConnection kafka, RegistryConnection registry, SettingValues values) {
  public static final String ENV_PREFIX = "GROUNDSTREAM_EVAL_";
  public static final String AT_LEAST_ONCE = EvalSettings.AT_LEAST_ONCE;
  public static final String EXACTLY_ONCE_V2 = EvalSettings.EXACTLY_ONCE_V2;

  public EvalConfig {
    if (hoppingAdvance(values).compareTo(values.get(EvalSettings.HOPPING_WINDOW)) > 0) {
      throw new SettingsException("hopping-advance must be > 0 and <= hopping-window");
    }
    if (values.get(EvalSettings.WINDOW_RETENTION).compareTo(
        values.get(EvalSettings.HOPPING_WINDOW).plus(values.get(EvalSettings.GRACE))) < 0) {
      throw new SettingsException("window-retention must be at least hopping-window + grace");
    }
    TlsSettings.read(values); // a bad certificate file stops the service here, before anything listens
  }

  private static Duration hoppingAdvance(SettingValues values) {
    return values.get(EvalSettings.HOPPING_ADVANCE);
  }

  /** From the process environment and command-line flags. */
  public static EvalConfig fromEnvironmentAndArgs(Map<String, String> env, List<String> args) {
    SettingValues values = EvalSettings.SETTINGS.read(env, args);
    return new EvalConfig(ConnectionSettings.kafka(values, KafkaConnection.fromEnvironment(env)),
        ConnectionSettings.registry(values, RegistryConnection.fromEnvironment(env)), values);
  }

  /** Defaults for everything but the connections; for tests and embedding. */
  public static EvalConfig defaults(KafkaConnection kafka, RegistryConnection registry) {
    return new EvalConfig(kafka, registry, EvalSettings.SETTINGS.defaultsWith(Map.of()));
  }

  /** GROUNDSTREAM_EVAL_NO_BOX_SCORE_THRESHOLD for no-box-score-threshold. */
  public static String envName(String name) {
    return EvalSettings.SETTINGS.settings().stream().filter(s -> s.name().equals(name)).findFirst()
        .map(EvalSettings.SETTINGS::envName).orElseThrow(() -> new IllegalArgumentException("no eval setting " + name));
  }

  public String applicationId() {
    return values.get(EvalSettings.APPLICATION_ID);
  }

  public Path stateDir() {
    return values.get(EvalSettings.STATE_DIR)
        .orElse(Path.of(System.getProperty("java.io.tmpdir"), "groundstream-eval"));
  }

  public String httpHost() {
    return values.get(EvalSettings.HTTP_HOST);
  }

  public String advertisedHost() {
    return values.get(EvalSettings.ADVERTISED_HOST);
  }

  public int httpPort() {
    return values.get(EvalSettings.HTTP_PORT);
  }

  /** The HTTPS identity of the REST API and dashboard (tls-cert + tls-key or tls-keystore); empty = plain HTTP. */
  public Optional<ServerTls> tls() {
    return TlsSettings.read(values);
  }

  public String processingGuarantee() {
    return values.get(EvalSettings.PROCESSING_GUARANTEE);
  }

  public int streamThreads() {
    return values.get(EvalSettings.STREAM_THREADS);
  }

  public Duration commitInterval() {
    return values.get(EvalSettings.COMMIT_INTERVAL);
  }

  public long cacheMaxBytes() {
    return values.get(EvalSettings.CACHE_MAX_BYTES);
  }

  public Duration tumblingWindow() {
    return values.get(EvalSettings.TUMBLING_WINDOW);
  }

  public Duration hoppingWindow() {
    return values.get(EvalSettings.HOPPING_WINDOW);
  }

  public Duration hoppingAdvance() {
    return hoppingAdvance(values);
  }

  public Duration grace() {
    return values.get(EvalSettings.GRACE);
  }

  public Duration windowRetention() {
    return values.get(EvalSettings.WINDOW_RETENTION);
  }

  public double noBoxScoreThreshold() {
    return values.get(EvalSettings.NO_BOX_SCORE_THRESHOLD);
  }

  // The alert rules take NaN as "this half of the rule is off".
  public double recallFloor() {
    return values.get(EvalSettings.RECALL_FLOOR).orElse(Double.NaN);
  }

  public double recallMargin() {
    return values.get(EvalSettings.RECALL_MARGIN).orElse(Double.NaN);
  }

  public double scoreFloor() {
    return values.get(EvalSettings.SCORE_FLOOR).orElse(Double.NaN);
  }

  public double scoreMargin() {
    return values.get(EvalSettings.SCORE_MARGIN).orElse(Double.NaN);
  }

  public long alertMinSamples() {
    return values.get(EvalSettings.ALERT_MIN_SAMPLES);
  }

  public int alertMinBaselineWindows() {
    return values.get(EvalSettings.ALERT_MIN_BASELINE_WINDOWS);
  }

  public double baselineAlpha() {
    return values.get(EvalSettings.BASELINE_ALPHA);
  }

  public boolean createTopics() {
    return values.get(EvalSettings.CREATE_TOPICS);
  }

  /** The claim-check folder the image viewer may serve from, or null. */
  public Path blobDir() {
    return values.get(EvalSettings.BLOB_DIR).orElse(null);
  }

  /** Retention of results and evaluations in the join stores, per model (truth is kept). */
  public JoinRetention joinRetention() {
    return values.get(EvalSettings.JOIN_RETENTION);
  }

  /** Access control of the API and dashboard ({@code api-keys}); empty = off. */
  public java.util.Optional<dev.groundstream.eval.http.ApiAccess> apiAccess() {
    return dev.groundstream.eval.http.ApiAccess.of(values.get(EvalSettings.API_KEYS));
  }

  public Duration imageRetention() {
    return values.get(EvalSettings.IMAGE_RETENTION);
  }

  /** A window's name on MetricKey/AccuracySnapshot, e.g. tumbling-1m, hopping-1h. */
  public static String windowName(String kind, Duration size) {
    long seconds = size.toSeconds();
    String text = seconds % 3600 == 0 ? seconds / 3600 + "h"
        : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    return kind + "-" + text;
  }

  /**
   * The host other instances use to reach this one ({@code application.server}): advertised-host when
   * set, else http-host, else (binding to all interfaces) this machine's name.
   */
  public String advertisedHttpHost() {
    if (!advertisedHost().isBlank()) {
      return advertisedHost();
    }
    if (!"0.0.0.0".equals(httpHost()) && !"::".equals(httpHost())) {
      return httpHost();
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("set advertised-host: cannot resolve this machine's name", e);
    }
  }

  public String tumblingName() {
    return windowName("tumbling", tumblingWindow());
  }

  public String hoppingName() {
    return windowName("hopping", hoppingWindow());
  }

  /**
   * This config with some settings replaced (names as in {@link EvalSettings}), parsed and validated
   * exactly like flags from the command line; the connections are kept.
   */
  public EvalConfig with(Map<String, String> flags) {
    return new EvalConfig(kafka, registry, values.with(flags));
  }

  public EvalConfig withApplicationId(String id) {
    return with(Map.of("application-id", id));
  }

  public EvalConfig withStateDir(Path dir) {
    return with(Map.of("state-dir", dir.toString()));
  }

  public EvalConfig withHttpPort(int port) {
    return with(Map.of("http-port", Integer.toString(port)));
  }

  public EvalConfig withAlerts(double recallFloor, double recallMargin, double scoreFloor, double scoreMargin,
      long minSamples, int minBaselineWindows) {
    return with(Map.of("recall-floor", offIfNaN(recallFloor), "recall-margin", offIfNaN(recallMargin),
        "score-floor", offIfNaN(scoreFloor), "score-margin", offIfNaN(scoreMargin),
        "alert-min-samples", Long.toString(minSamples), "alert-min-baseline-windows",
        Integer.toString(minBaselineWindows)));
  }

  public EvalConfig withProcessingGuarantee(String guarantee) {
    return with(Map.of("processing-guarantee", guarantee));
  }

  public EvalConfig withBlobDir(Path dir) {
    return with(Map.of("blob-dir", dir == null ? "" : dir.toString()));
  }

  private static String offIfNaN(double value) {
    return Double.isNaN(value) ? "off" : Double.toString(value);
  }
}
