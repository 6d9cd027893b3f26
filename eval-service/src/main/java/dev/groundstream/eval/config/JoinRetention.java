package dev.groundstream.eval.config;

import dev.groundstream.config.settings.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long the join stores keep a model's results and evaluations after the worker produced them
 * (the result's {@code producedAt}, against wall-clock time); empty = forever. Dataset truth is
 * never dropped. Grammar of the {@code join-retention} setting: a default, then optional per-model
 * overrides, comma-separated: {@code off}, {@code 30d}, {@code 30d,ranker:2.0.0=7d,baseline:1=off}.
 */
public record JoinRetention(Optional<Duration> fallback, Map<String, Optional<Duration>> perModel) {
  public static final JoinRetention FOREVER = new JoinRetention(Optional.empty(), Map.of());
  private static final Duration MAX_SWEEP = Duration.ofMinutes(1);
  private static final Duration MIN_SWEEP = Duration.ofSeconds(1);

  public JoinRetention {
    perModel = Map.copyOf(perModel);
  }

  public static JoinRetention parse(String text) {
    String[] parts = text.trim().split(",");
    Optional<Duration> fallback = Optional.empty();
    Map<String, Optional<Duration>> models = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      int eq = part.lastIndexOf('=');
      if (eq < 0) {
        if (i != 0) {
          throw new IllegalArgumentException("only the first entry may be a default without model=: " + part);
        }
        fallback = one(part);
      } else {
        String model = part.substring(0, eq).trim();
        if (model.isEmpty()) {
          throw new IllegalArgumentException("model=duration needs a model (name:version): " + part);
        }
        models.put(model, one(part.substring(eq + 1)));
      }
    }
    return new JoinRetention(fallback, models);
  }

  private static Optional<Duration> one(String text) {
    String t = text.trim();
    if (t.isEmpty() || "off".equalsIgnoreCase(t)) {
      return Optional.empty();
    }
    Duration d = Durations.parse(t);
    if (d.isZero()) {
      throw new IllegalArgumentException("a retention must be > 0 (or off): " + text);
    }
    return Optional.of(d);
  }

  /** The retention of {@code modelId} (name:version); empty = kept forever. */
  public Optional<Duration> of(String modelId) {
    Optional<Duration> own = perModel.get(modelId);
    return own != null ? own : fallback;
  }

  /** True when nothing is ever dropped (no sweep is scheduled). */
  public boolean keepsEverything() {
    return fallback.isEmpty() && perModel.values().stream().allMatch(Optional::isEmpty);
  }

  /** How often the stores are swept: a tenth of the shortest retention, between 1 s and 1 min. */
  public Duration sweepInterval() {
    Duration shortest = perModel.values().stream().flatMap(Optional::stream)
        .reduce(fallback.orElse(MAX_SWEEP.multipliedBy(10)), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    Duration tenth = shortest.dividedBy(10);
    return tenth.compareTo(MIN_SWEEP) < 0 ? MIN_SWEEP : tenth.compareTo(MAX_SWEEP) > 0 ? MAX_SWEEP : tenth;
  }
}
