package dev.groundstream.ingest.http;

import dev.groundstream.ingest.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wait} query parameter of a long poll: {@code 10s}, {@code 500ms}, {@code 1m} or a
 * plain number of seconds; absent means zero (answer at once). Values above the cap are clamped
 * to it, not refused, so a client may ask for "as long as you allow".
 */
final class WaitParameter {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

  private WaitParameter() {}

  static Duration parse(String text, Duration cap) {
    if (text == null || text.isBlank()) {
      return Duration.ZERO;
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw InvalidInputException.badRequest("bad_wait",
          "wait is a duration such as 10s, 500ms or 1m (or whole seconds), got: " + text);
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration asked = switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
    return asked.compareTo(cap) > 0 ? cap : asked;
  }
}
