package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** The live intake's start position and its never-ending stream, without a broker. */
class LiveSubscriptionTest {
  @Test
  void startParsesBeginningAndLatestAndNamesTheFlagOtherwise() {
    assertEquals(LiveSubscription.Start.BEGINNING, LiveSubscription.Start.parse("Beginning"));
    assertEquals(LiveSubscription.Start.LATEST, LiveSubscription.Start.parse("latest"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LiveSubscription.Start.parse("2026-01-01"));
    assertTrue(e.getMessage().contains("--from"), e.getMessage());
  }

  @Test
  void aNewGroupStartsWhereTheStartSays() {
    assertEquals(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
        new LiveSubscription(LiveSubscription.Start.LATEST).consumerOverrides());
    assertEquals(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new LiveSubscription(LiveSubscription.Start.BEGINNING).consumerOverrides());
  }

  @Test
  void theLiveStreamIsNeverExhausted() {
    assertFalse(new LiveSubscription(LiveSubscription.Start.BEGINNING).exhausted(null));
  }
}
