package dev.groundstream.eval.streams;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Drops, before a windowed aggregation, the records whose every event-time window has already closed
 * (window end + grace at or before the stream time), and counts them ({@link ClosedWindowTally}):
 * replayed history and late results would otherwise make Kafka Streams log one "Skipping record for
 * expired window" WARN per record. The rule is Streams' own: a window [start, start + size) accepts a
 * record while start + size > streamTime - grace; the latest window holding timestamp t starts at
 * t - t mod advance. Stream time is, as in Streams' window aggregation, the highest timestamp this
 * processor has seen since it started; the aggregation downstream sees the same records, so both agree.
 */
final class ClosedWindowFilter<K, V> implements FixedKeyProcessor<K, V, V> {
  private final String windowName;
  private final long sizeMs;
  private final long advanceMs;
  private final long graceMs;
  private final ClosedWindowTally tally;
  private FixedKeyProcessorContext<K, V> context;
  private long observedStreamTime = Long.MIN_VALUE;

  ClosedWindowFilter(String windowName, Duration size, Duration advance, Duration grace, ClosedWindowTally tally) {
    this.windowName = windowName;
    this.sizeMs = size.toMillis();
    this.advanceMs = advance.toMillis();
    this.graceMs = grace.toMillis();
    this.tally = tally;
  }

  @Override
  public void init(FixedKeyProcessorContext<K, V> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<K, V> record) {
    long timestamp = record.timestamp();
    observedStreamTime = Math.max(observedStreamTime, timestamp);
    if (allWindowsClosed(timestamp, observedStreamTime)) {
      tally.skipped(windowName, timestamp, observedStreamTime);
      return;
    }
    context.forward(record);
  }

  /** Whether the latest window holding {@code timestamp} has closed at {@code streamTime}. */
  boolean allWindowsClosed(long timestamp, long streamTime) {
    long latestStart = timestamp - Math.floorMod(timestamp, advanceMs);
    return latestStart + sizeMs <= streamTime - graceMs;
  }
}
