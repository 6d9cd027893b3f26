package dev.groundstream.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * POSTs uploads to the ingest API on a fixed schedule (open loop: a slow answer does not delay the
 * next request, so an overloaded system shows as lag instead of as a lower offered rate).
 */
public final class RatePoster implements AutoCloseable {
  /** One answered upload: its request id (null unless 202), when it was sent and when the answer arrived. */
  public record Accepted(String requestId, int status, long sentNanos, long answeredNanos) {}

  private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "bench-http");
    t.setDaemon(true);
    return t;
  })).build();
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-rate");
    t.setDaemon(true);
    return t;
  });
  private final String endpoint;
  private final String apiKey;
  private final PhotoUploads uploads;
  private volatile java.util.function.Consumer<String> onAccepted = id -> { };

  public RatePoster(String ingestUrl, String apiKey, PhotoUploads uploads) {
    this.endpoint = ingestUrl + "/v1/requests";
    this.apiKey = apiKey;
    this.uploads = uploads;
  }

  /** Called with each accepted request id as its 202 arrives (the API poller watches them). */
  public void onAccepted(java.util.function.Consumer<String> listener) {
    this.onAccepted = listener;
  }

  /** Sends {@code count} uploads at {@code perSecond}; completes when every answer is in. */
  public CompletableFuture<List<Accepted>> send(double perSecond, int count) {
    List<CompletableFuture<Accepted>> answers = new ArrayList<>();
    long periodNanos = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      CompletableFuture<Accepted> answer = new CompletableFuture<>();
      answers.add(answer);
      // Why one-shot schedules at absolute offsets: no drift, and no catch-up bursts after a GC pause.
      long delay = start + i * periodNanos - System.nanoTime();
      clock.schedule(() -> post(answer), Math.max(0, delay), TimeUnit.NANOSECONDS);
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(v -> answers.stream().map(CompletableFuture::join).toList());
  }

  private void post(CompletableFuture<Accepted> answer) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
        .header("Content-Type", "application/json").header("X-API-Key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(uploads.next())).build();
    long sent = System.nanoTime();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
      long now = System.nanoTime();
      if (error != null) {
        answer.complete(new Accepted(null, -1, sent, now));
      } else if (response.statusCode() != 202) {
        answer.complete(new Accepted(null, response.statusCode(), sent, now));
      } else {
        String location = response.headers().firstValue("Location").orElse("");
        String id = location.substring(location.lastIndexOf('/') + 1);
        onAccepted.accept(id);
        answer.complete(new Accepted(id, 202, sent, now));
      }
    });
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
