package dev.groundstream.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Timestamps the first 200 of GET /api/evaluations/{id} for each watched request, polling every
 * outstanding id every 50 ms from one thread (why one: a tick that takes longer just delays the
 * next, so the poller's own load stays bounded on a 2-core machine).
 */
public final class ApiVisibility implements AutoCloseable {
  private static final long TICK_MILLIS = 50;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-api-poller");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Boolean> outstanding = new ConcurrentHashMap<>();
  private final Map<String, Long> firstOk = new ConcurrentHashMap<>();
  private final String baseUrl;

  public ApiVisibility(String dashboardUrl) {
    this.baseUrl = dashboardUrl + "/api/evaluations/";
    ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  public void watch(String requestId) {
    outstanding.put(requestId, Boolean.TRUE);
  }

  /** When the API first answered 200 for {@code requestId}, or null. */
  public Long visible(String requestId) {
    return firstOk.get(requestId);
  }

  private void tick() {
    for (String id : outstanding.keySet()) {
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + id))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          firstOk.putIfAbsent(id, System.nanoTime());
          outstanding.remove(id);
        }
      } catch (Exception e) {
        // A slow or failed poll is retried on the next tick.
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
