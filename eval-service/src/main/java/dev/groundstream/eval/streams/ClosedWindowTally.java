package dev.groundstream.eval.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the records {@link ClosedWindowFilter} kept out of closed event-time windows: a Prometheus
 * counter {@code groundstream_eval_closed_window_records{window=...}} and one INFO summary line at
 * most every {@link #SUMMARY_INTERVAL} for the whole service (the first at once), instead of one WARN
 * per record. Such records still count in the all-time metrics and in grounding.evaluations.
 */
public final class ClosedWindowTally {
  static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(ClosedWindowTally.class);
  private final MeterRegistry registry;
  private final Clock clock;
  private final AtomicLong sinceSummary = new AtomicLong();
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong nextSummaryAt = new AtomicLong(Long.MIN_VALUE);

  public ClosedWindowTally(MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  ClosedWindowTally(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /** A tally whose counter goes nowhere, for tests that do not look at it. */
  public static ClosedWindowTally discarding() {
    return new ClosedWindowTally(new SimpleMeterRegistry());
  }

  void skipped(String window, long eventTime, long streamTime) {
    registry.counter("groundstream_eval_closed_window_records", "window", window).increment();
    total.incrementAndGet();
    sinceSummary.incrementAndGet();
    long now = clock.millis();
    long due = nextSummaryAt.get();
    if (now >= due && nextSummaryAt.compareAndSet(due, now + SUMMARY_INTERVAL.toMillis())) {
      long reported = sinceSummary.getAndSet(0);
      LOG.info("{} record(s) arrived after their event-time window closed (latest: event time {}, stream time {},"
              + " {} window); left out of the windowed metrics, counted in all-time; {} in total so far"
              + " (metric groundstream_eval_closed_window_records)",
          reported, Instant.ofEpochMilli(eventTime), Instant.ofEpochMilli(streamTime), window, total.get());
    }
  }

  /** When the next summary line may be written (epoch ms). */
  long nextSummaryAt() {
    return nextSummaryAt.get();
  }

  /** Records skipped since the service started, all windows. */
  public long total() {
    return total.get();
  }
}
