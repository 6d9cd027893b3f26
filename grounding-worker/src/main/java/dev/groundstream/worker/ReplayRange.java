package dev.groundstream.worker;

import java.time.Instant;
import java.util.Optional;

/**
 * Replay of grounding.requests between two event times: from the first offset whose timestamp is
 * at or after {@code from} (empty: the beginning) up to, not including, the first offset at or
 * after {@code to} (empty: the end offsets when the replay starts). The worker stops when done.
 */
public record ReplayRange(Optional<Instant> from, Optional<Instant> to) {
  public static ReplayRange all() {
    return new ReplayRange(Optional.empty(), Optional.empty());
  }

  /** "beginning" or an ISO-8601 instant. */
  public static Optional<Instant> parseTime(String text) {
    if (text == null || text.isBlank() || text.equalsIgnoreCase("beginning") || text.equalsIgnoreCase("end")) {
      return Optional.empty();
    }
    return Optional.of(Instant.parse(text));
  }
}
