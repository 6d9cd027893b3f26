package dev.groundstream.sinks.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/** Polls until a value is reached, failing with the last value seen. */
public final class Eventually {
  private Eventually() {}

  public static <T> void equal(T expected, Callable<T> actual, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    Exception lastError = null;
    while (System.nanoTime() < deadline) {
      try {
        last = actual.call();
        lastError = null;
        if (Objects.equals(expected, last)) {
          return;
        }
      } catch (Exception e) {
        lastError = e;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(what + ": expected " + expected + " but was " + last
        + (lastError == null ? "" : " (last error: " + lastError + ")"), lastError);
  }
}
