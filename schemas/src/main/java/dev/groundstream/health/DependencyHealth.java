package dev.groundstream.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service knows about the dependencies it retries against (the broker, the schema
 * registry, Kafka Streams): per dependency whether the last attempt succeeded, the reason of the
 * last failure, when it last succeeded and how many attempts failed (the retries). A service that
 * keeps retrying reports {@link Status#DEGRADED} while any dependency is failing, instead of
 * {@code UP}; losing or duplicating nothing stays the retrying code's job. The log says so once
 * per state change (failing, then reachable again), never per attempt. Thread-safe.
 */
public final class DependencyHealth {
  private static final Logger LOG = LoggerFactory.getLogger(DependencyHealth.class);

  /** UP: every dependency answered at its last attempt; DEGRADED: one is failing and retried. */
  public enum Status { UP, DEGRADED }

  /**
   * One dependency's state. {@code lastSuccess} is null before its first success; {@code failingSince}
   * is null while it is up; {@code retries} counts every failed attempt so far.
   */
  public record State(String name, boolean up, String reason, Instant lastSuccess, Instant failingSince,
      long retries) {}

  private final String service;
  private final Clock clock;
  private final Map<String, State> states = new LinkedHashMap<>();
  private long changes;

  public DependencyHealth(String service, String... dependencies) {
    this(service, Clock.systemUTC(), dependencies);
  }

  public DependencyHealth(String service, Clock clock, String... dependencies) {
    this.service = service;
    this.clock = clock;
    for (String d : dependencies) {
      states.put(d, new State(d, true, null, null, null, 0));
    }
  }

  /** An attempt against {@code dependency} succeeded (logged once when it was failing). */
  public void succeeded(String dependency) {
    Instant now = clock.instant();
    State before;
    synchronized (this) {
      before = state(dependency);
      states.put(dependency, new State(dependency, true, null, now, null, before.retries()));
    }
    if (!before.up()) {
      countChange();
      LOG.info("{}: {} reachable again after {} failing ({} failed attempts so far)", service, dependency,
          Duration.between(before.failingSince(), now), before.retries());
    }
  }

  /** An attempt against {@code dependency} failed and will be retried (logged once per outage). */
  public void failed(String dependency, String reason) {
    Instant now = clock.instant();
    State before;
    synchronized (this) {
      before = state(dependency);
      states.put(dependency, new State(dependency, false, reason, before.lastSuccess(),
          before.up() ? now : before.failingSince(), before.retries() + 1));
    }
    if (before.up()) {
      countChange();
      LOG.warn("{}: {} unreachable, retrying until it answers (logged again when it does): {}", service,
          dependency, reason);
    }
  }

  private synchronized void countChange() {
    changes++;
  }

  /** State changes logged so far (one per outage start and one per recovery, never per attempt). */
  public synchronized long stateChanges() {
    return changes;
  }

  public synchronized Status status() {
    return states.values().stream().allMatch(State::up) ? Status.UP : Status.DEGRADED;
  }

  public synchronized State state(String dependency) {
    State s = states.get(dependency);
    if (s == null) {
      s = new State(dependency, true, null, null, null, 0);
      states.put(dependency, s);
    }
    return s;
  }

  /** Failed attempts against {@code dependency} so far (for a retry counter metric). */
  public long retries(String dependency) {
    return state(dependency).retries();
  }

  public synchronized Map<String, State> states() {
    return Map.copyOf(states);
  }

  public synchronized Iterable<String> dependencies() {
    return java.util.List.copyOf(states.keySet());
  }

  /**
   * The dependencies as a JSON object: per dependency its status (UP/DOWN), the reason of the last
   * failure, milliseconds since the last success (null before the first) and its retries.
   */
  public synchronized String json() {
    Instant now = clock.instant();
    StringBuilder out = new StringBuilder("{");
    for (State s : states.values()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(escape(s.name())).append("\":{\"status\":\"").append(s.up() ? "UP" : "DOWN")
          .append("\",\"reason\":").append(s.reason() == null ? "null" : '"' + escape(s.reason()) + '"')
          .append(",\"sinceLastSuccessMs\":")
          .append(s.lastSuccess() == null ? "null" : String.valueOf(Duration.between(s.lastSuccess(), now).toMillis()))
          .append(",\"retries\":").append(s.retries()).append('}');
    }
    return out.append('}').toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
