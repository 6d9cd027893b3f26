package dev.groundstream.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DependencyHealthTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
      return now;
    }
  }

  @Test
  void degradedWhileFailingWithReasonTimeSinceSuccessAndOneChangePerOutage() {
    ManualClock clock = new ManualClock();
    DependencyHealth health = new DependencyHealth("test", clock, "broker", "registry");
    assertEquals(DependencyHealth.Status.UP, health.status());
    assertTrue(health.json().contains("\"sinceLastSuccessMs\":null"), health.json());

    health.succeeded("broker");
    health.succeeded("registry");
    clock.now = clock.now.plusSeconds(3);
    for (int i = 0; i < 5; i++) {
      health.failed("broker", "TimeoutException: \"no\" node");
    }
    assertEquals(DependencyHealth.Status.DEGRADED, health.status());
    assertEquals(5, health.retries("broker"));
    assertEquals(0, health.retries("registry"));
    assertEquals(1, health.stateChanges(), "five failed attempts are one state change");
    DependencyHealth.State broker = health.state("broker");
    assertFalse(broker.up());
    assertEquals(clock.now, broker.failingSince());
    String json = health.json();
    assertTrue(json.contains("\"broker\":{\"status\":\"DOWN\",\"reason\":\"TimeoutException: \\\"no\\\" node\""), json);
    assertTrue(json.contains("\"sinceLastSuccessMs\":3000"), json);
    assertTrue(json.contains("\"registry\":{\"status\":\"UP\",\"reason\":null,\"sinceLastSuccessMs\":3000"), json);

    clock.now = clock.now.plus(Duration.ofSeconds(7));
    health.succeeded("broker");
    health.succeeded("broker");
    assertEquals(DependencyHealth.Status.UP, health.status());
    assertEquals(2, health.stateChanges(), "recovery is one more change, repeated successes none");
    assertNull(health.state("broker").reason());
    assertEquals(5, health.retries("broker"), "the retry count is cumulative");
  }
}
