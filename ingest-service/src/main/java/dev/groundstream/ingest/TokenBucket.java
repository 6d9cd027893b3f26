package dev.groundstream.ingest;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} tokens refill continuously up to {@code burst}. Serves
 * both the importer's pacing (blocking {@link #acquire()}) and the per-tenant HTTP limit
 * (non-blocking {@link #tryAcquire()}, whose answer becomes Retry-After).
 */
public final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  public TokenBucket(double ratePerSecond, double burst) {
    this(ratePerSecond, burst, System::nanoTime);
  }

  public TokenBucket(double ratePerSecond, double burst, LongSupplier nanoClock) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) {
      throw new IllegalArgumentException("rate must be > 0 and burst >= 1, got " + ratePerSecond + ", " + burst);
    }
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Takes a token if one is there and returns 0, else returns the nanoseconds until one will be. */
  public synchronized long tryAcquire() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - lastRefill) * ratePerNano);
    lastRefill = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / ratePerNano);
  }

  /** Waits for a token. */
  public void acquire() throws InterruptedException {
    long wait;
    while ((wait = tryAcquire()) > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
