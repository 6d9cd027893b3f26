package dev.groundstream.eval.config;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every setting of the eval service, typed. Read from the environment ({@code GROUNDSTREAM_EVAL_*};
 * Kafka and registry from {@code GROUNDSTREAM_KAFKA_*} / {@code GROUNDSTREAM_REGISTRY_*}), each
 * overridable by a flag {@code --name=value} (flag names are {@link #KEYS}; the environment name is
 * {@code GROUNDSTREAM_EVAL_} + the flag name upper-cased with '-' as '_').
 *
 * <p>http-host is the address the HTTP server binds; advertised-host (default: http-host) is how the
 * other instances reach this one for interactive queries.
 *
 * <p>Durations are ISO-8601 ({@code PT1M}) or a number with unit ({@code 90s}, {@code 5m}, {@code 1h},
 * {@code 500ms}). A floor or margin of {@code off} disables that alert rule half.
 *
 * <p>blob-dir (default: none) is the claim-check directory whose {@code file:} image URIs the viewer may
 * serve; image-retention is how long a request's image reference stays queryable.
 */
public record EvalConfig(
    KafkaConnection kafka,
    RegistryConnection registry,
    String applicationId,
    Path stateDir,
    String httpHost,
    String advertisedHost,
    int httpPort,
    String processingGuarantee,
    int streamThreads,
    Duration commitInterval,
    long cacheMaxBytes,
    Duration tumblingWindow,
    Duration hoppingWindow,
    Duration hoppingAdvance,
    Duration grace,
    Duration windowRetention,
    double noBoxScoreThreshold,
    double recallFloor,
    double recallMargin,
    double scoreFloor,
    double scoreMargin,
    long alertMinSamples,
    int alertMinBaselineWindows,
    double baselineAlpha,
    boolean createTopics,
    Path blobDir,
    Duration imageRetention) {

  public static final String ENV_PREFIX = "GROUNDSTREAM_EVAL_";
  public static final String AT_LEAST_ONCE = "at_least_once";
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";

  /** Flag names with their defaults. */
  public static final Map<String, String> KEYS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("bootstrap-servers", "");
    d.put("registry-url", "");
    d.put("application-id", "groundstream-eval");
    d.put("state-dir", System.getProperty("java.io.tmpdir") + "/groundstream-eval");
    d.put("http-host", "localhost");
    d.put("advertised-host", "");
    d.put("http-port", "8083");
    d.put("processing-guarantee", AT_LEAST_ONCE);
    d.put("stream-threads", "1");
    d.put("commit-interval", "1s");
    d.put("cache-max-bytes", Long.toString(10L * 1024 * 1024));
    d.put("tumbling-window", "1m");
    d.put("hopping-window", "1h");
    d.put("hopping-advance", "5m");
    d.put("grace", "1m");
    d.put("window-retention", "6h");
    d.put("no-box-score-threshold", "0.3");
    d.put("recall-floor", "off");
    d.put("recall-margin", "0.1");
    d.put("score-floor", "off");
    d.put("score-margin", "0.15");
    d.put("alert-min-samples", "20");
    d.put("alert-min-baseline-windows", "3");
    d.put("baseline-alpha", "0.3");
    d.put("create-topics", "true");
    d.put("blob-dir", "");
    d.put("image-retention", "6h");
    return Map.copyOf(d);
  }

  public EvalConfig {
    if (!Set.of(AT_LEAST_ONCE, EXACTLY_ONCE_V2).contains(processingGuarantee)) {
      throw new IllegalArgumentException("processing-guarantee must be " + AT_LEAST_ONCE + " or "
          + EXACTLY_ONCE_V2 + ", not " + processingGuarantee);
    }
    if (hoppingAdvance.compareTo(hoppingWindow) > 0 || hoppingAdvance.isZero()) {
      throw new IllegalArgumentException("hopping-advance must be > 0 and <= hopping-window");
    }
    if (windowRetention.compareTo(hoppingWindow.plus(grace)) < 0) {
      throw new IllegalArgumentException("window-retention must be at least hopping-window + grace");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("http-port out of range: " + httpPort);
    }
    if (imageRetention.isNegative() || imageRetention.isZero()) {
      throw new IllegalArgumentException("image-retention must be > 0");
    }
    if (!(baselineAlpha > 0 && baselineAlpha <= 1)) {
      throw new IllegalArgumentException("baseline-alpha must be in (0, 1]");
    }
  }

  /** From the process environment and command-line flags. */
  public static EvalConfig fromEnvironmentAndArgs(Map<String, String> env, List<String> args) {
    Map<String, String> values = new HashMap<>();
    KEYS.forEach((key, fallback) -> values.put(key, env.getOrDefault(envName(key), fallback)));
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("flags look like --name=value, got " + arg);
      }
      String key = arg.substring(2, arg.indexOf('='));
      if (!KEYS.containsKey(key)) {
        throw new IllegalArgumentException("unknown flag --" + key + "; known: " + KEYS.keySet());
      }
      values.put(key, arg.substring(arg.indexOf('=') + 1));
    }
    KafkaConnection kafka = KafkaConnection.fromEnvironment(env);
    if (!values.get("bootstrap-servers").isEmpty()) {
      kafka = kafka.withBootstrapServers(values.get("bootstrap-servers"));
    }
    RegistryConnection registry = RegistryConnection.fromEnvironment(env);
    if (!values.get("registry-url").isEmpty()) {
      registry = registry.withUrl(values.get("registry-url"));
    }
    return fromValues(kafka, registry, values::get);
  }

  /** Defaults for everything but the connections; for tests and embedding. */
  public static EvalConfig defaults(KafkaConnection kafka, RegistryConnection registry) {
    return fromValues(kafka, registry, KEYS::get);
  }

  private static EvalConfig fromValues(KafkaConnection kafka, RegistryConnection registry,
      Function<String, String> v) {
    return new EvalConfig(kafka, registry,
        v.apply("application-id"),
        Path.of(v.apply("state-dir")),
        v.apply("http-host"),
        v.apply("advertised-host"),
        Integer.parseInt(v.apply("http-port")),
        v.apply("processing-guarantee"),
        Integer.parseInt(v.apply("stream-threads")),
        duration(v.apply("commit-interval")),
        Long.parseLong(v.apply("cache-max-bytes")),
        duration(v.apply("tumbling-window")),
        duration(v.apply("hopping-window")),
        duration(v.apply("hopping-advance")),
        duration(v.apply("grace")),
        duration(v.apply("window-retention")),
        Double.parseDouble(v.apply("no-box-score-threshold")),
        optionalDouble(v.apply("recall-floor")),
        optionalDouble(v.apply("recall-margin")),
        optionalDouble(v.apply("score-floor")),
        optionalDouble(v.apply("score-margin")),
        Long.parseLong(v.apply("alert-min-samples")),
        Integer.parseInt(v.apply("alert-min-baseline-windows")),
        Double.parseDouble(v.apply("baseline-alpha")),
        Boolean.parseBoolean(v.apply("create-topics")),
        v.apply("blob-dir").isBlank() ? null : Path.of(v.apply("blob-dir")),
        duration(v.apply("image-retention")));
  }

  public static String envName(String key) {
    return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  static double optionalDouble(String value) {
    return "off".equalsIgnoreCase(value.trim()) ? Double.NaN : Double.parseDouble(value.trim());
  }

  static Duration duration(String value) {
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    if (v.startsWith("p")) {
      return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    long amount = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (v.charAt(v.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("not a duration: " + value);
    };
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
    if (!advertisedHost.isBlank()) {
      return advertisedHost;
    }
    if (!"0.0.0.0".equals(httpHost) && !"::".equals(httpHost)) {
      return httpHost;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("set advertised-host: cannot resolve this machine's name", e);
    }
  }

  public String tumblingName() {
    return windowName("tumbling", tumblingWindow);
  }

  public String hoppingName() {
    return windowName("hopping", hoppingWindow);
  }

  /**
   * This config with some flags replaced (names as in {@link #KEYS}), parsed and validated exactly
   * like flags from the command line; the connections are kept.
   */
  public EvalConfig with(Map<String, String> flags) {
    Map<String, String> values = new HashMap<>(flagValues());
    flags.forEach((key, value) -> {
      if (!KEYS.containsKey(key)) {
        throw new IllegalArgumentException("unknown flag --" + key + "; known: " + KEYS.keySet());
      }
      values.put(key, value);
    });
    return fromValues(kafka, registry, values::get);
  }

  /** This config as flag values that {@link #fromValues} parses back to an equal config. */
  private Map<String, String> flagValues() {
    Map<String, String> v = new HashMap<>();
    v.put("application-id", applicationId);
    v.put("state-dir", stateDir.toString());
    v.put("http-host", httpHost);
    v.put("advertised-host", advertisedHost);
    v.put("http-port", Integer.toString(httpPort));
    v.put("processing-guarantee", processingGuarantee);
    v.put("stream-threads", Integer.toString(streamThreads));
    v.put("commit-interval", commitInterval.toString());
    v.put("cache-max-bytes", Long.toString(cacheMaxBytes));
    v.put("tumbling-window", tumblingWindow.toString());
    v.put("hopping-window", hoppingWindow.toString());
    v.put("hopping-advance", hoppingAdvance.toString());
    v.put("grace", grace.toString());
    v.put("window-retention", windowRetention.toString());
    v.put("no-box-score-threshold", Double.toString(noBoxScoreThreshold));
    v.put("recall-floor", Double.toString(recallFloor)); // NaN ("off") parses back to NaN
    v.put("recall-margin", Double.toString(recallMargin));
    v.put("score-floor", Double.toString(scoreFloor));
    v.put("score-margin", Double.toString(scoreMargin));
    v.put("alert-min-samples", Long.toString(alertMinSamples));
    v.put("alert-min-baseline-windows", Integer.toString(alertMinBaselineWindows));
    v.put("baseline-alpha", Double.toString(baselineAlpha));
    v.put("create-topics", Boolean.toString(createTopics));
    v.put("blob-dir", blobDir == null ? "" : blobDir.toString());
    v.put("image-retention", imageRetention.toString());
    return v;
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
    return with(Map.of("recall-floor", Double.toString(recallFloor), "recall-margin", Double.toString(recallMargin),
        "score-floor", Double.toString(scoreFloor), "score-margin", Double.toString(scoreMargin),
        "alert-min-samples", Long.toString(minSamples), "alert-min-baseline-windows",
        Integer.toString(minBaselineWindows)));
  }

  public EvalConfig withProcessingGuarantee(String guarantee) {
    return with(Map.of("processing-guarantee", guarantee));
  }

  public EvalConfig withBlobDir(Path dir) {
    return with(Map.of("blob-dir", dir == null ? "" : dir.toString()));
  }
}
