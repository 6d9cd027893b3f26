package dev.groundstream.config.settings;

import java.time.Duration;
import java.util.Locale;

/** The one duration grammar of every setting: ISO-8601 ({@code PT1M}) or a number with a unit. */
public final class Durations {
  private Durations() {}

  /** {@code PT1M}, {@code 500ms}, {@code 5s}, {@code 1m}, {@code 2h}, {@code 7d}; never negative. */
  public static Duration parse(String text) {
    String v = text.trim().toLowerCase(Locale.ROOT);
    Duration parsed;
    try {
      if (v.startsWith("p")) {
        parsed = Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        parsed = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else if (v.length() >= 2) {
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        parsed = switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(amount);
          case 'm' -> Duration.ofMinutes(amount);
          case 'h' -> Duration.ofHours(amount);
          case 'd' -> Duration.ofDays(amount);
          default -> null;
        };
      } else {
        parsed = null;
      }
    } catch (RuntimeException e) {
      parsed = null;
    }
    if (parsed == null || parsed.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration (use 500ms, 5s, 1m, 2h, 7d or ISO-8601 like PT1M)");
    }
    return parsed;
  }

  /** The shortest exact text of {@code d} in this grammar (1m, 90s, 250ms). */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
