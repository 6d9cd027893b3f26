package dev.groundstream.eval.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClosedWindowFilterTest {

    @Test
    void closedWhenTheLatestWindowHoldingTheRecordEndedBeforeStreamTimeMinusGrace() {
        // Tumbling 60 s, grace 60 s: [0, 60 s) accepts records until stream time 120 s.
        ClosedWindowFilter<String, String> tumbling = new ClosedWindowFilter<>("t", Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(60), ClosedWindowTally.discarding());
        assertFalse(tumbling.allWindowsClosed(20_000, 119_999));
        assertTrue(tumbling.allWindowsClosed(20_000, 120_000));
        // Hopping 1 h advancing 5 min, grace 1 min: t = 20 s is also in [0, 1 h), open until 1 h + 1 min.
        ClosedWindowFilter<String, String> hopping = new ClosedWindowFilter<>("h", Duration.ofHours(1),
                Duration.ofMinutes(5), Duration.ofMinutes(1), ClosedWindowTally.discarding());
        assertFalse(hopping.allWindowsClosed(20_000, 3_659_999));
        assertTrue(hopping.allWindowsClosed(20_000, 3_660_000));
        // Negative event times (before 1970) use the window below, as Kafka Streams does.
        assertTrue(tumbling.allWindowsClosed(-1, 60_000));
    }

    @Test
    void countsEveryRecordAndSummarisesAtMostOncePerInterval() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MutableClock clock = new MutableClock();
        ClosedWindowTally tally = new ClosedWindowTally(meters, clock);
        for (int i = 0; i < 1000; i++) {
            tally.skipped("tumbling-1m", 0, 200_000);
        }
        assertEquals(1000, tally.total());
        assertEquals(1000.0, meters.counter("groundstream_eval_closed_window_records", "window", "tumbling-1m").count());
        assertEquals(Instant.EPOCH.plus(ClosedWindowTally.SUMMARY_INTERVAL).toEpochMilli(),
                nextSummary(tally), "one summary at once, the next one interval later");
        clock.now = ClosedWindowTally.SUMMARY_INTERVAL.toMillis();
        tally.skipped("hopping-1h", 0, 200_000);
        assertEquals(2 * ClosedWindowTally.SUMMARY_INTERVAL.toMillis(), nextSummary(tally));
        assertEquals(1.0, meters.counter("groundstream_eval_closed_window_records", "window", "hopping-1h").count());
    }

    private static long nextSummary(ClosedWindowTally tally) {
        return tally.nextSummaryAt();
    }

    private static final class MutableClock extends Clock {
        long now;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }

        @Override
        public long millis() {
            return now;
        }
    }
}
