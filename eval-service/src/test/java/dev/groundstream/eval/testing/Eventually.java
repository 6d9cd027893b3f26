package dev.groundstream.eval.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or the time is up (asynchronous systems need patience, not sleeps). */
public final class Eventually {
  private Eventually() {}

  public static void await(String what, Duration timeout, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.get())) {
          return;
        }
      } catch (RuntimeException | AssertionError e) {
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
  }

  /** Polls until {@code value} gives a non-null answer, and returns it. */
  public static <T> T value(String what, Duration timeout, Supplier<T> value) {
    Object[] found = new Object[1];
    await(what, timeout, () -> (found[0] = value.get()) != null);
    @SuppressWarnings("unchecked")
    T answer = (T) found[0];
    return answer;
  }
}
