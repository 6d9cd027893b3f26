package dev.groundstream.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Timestamps when GET /v1/requests/{id}/result first answers 200 for each watched request, by
 * long-polling it ({@code ?wait=30s}, asynchronously, again after each 404 until a deadline): the
 * answer comes the moment the result is in the ingest service's store, so no polling interval
 * blurs the measurement.
 */
public final class ResultWaiter {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Long> firstOk = new ConcurrentHashMap<>();
  private final String ingestUrl;
  private final String apiKey;
  private final long deadlineNanos;

  public ResultWaiter(String ingestUrl, String apiKey, Duration giveUpAfter) {
    this.ingestUrl = ingestUrl;
    this.apiKey = apiKey;
    this.deadlineNanos = System.nanoTime() + giveUpAfter.toNanos();
  }

  public void watch(String requestId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/requests/" + requestId + "/result?wait=30s"))
        .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(45)).GET().build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
      long now = System.nanoTime();
      if (response != null && response.statusCode() == 200) {
        firstOk.putIfAbsent(requestId, now);
      } else if (now < deadlineNanos) {
        watch(requestId); // not grounded yet (404) or a failed poll: ask again
      }
    });
  }

  /** When the result was first served for {@code requestId}, or null. */
  public Long visible(String requestId) {
    return firstOk.get(requestId);
  }
}
