package dev.groundstream.eval.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events for the dashboard ({@code GET /api/stream}): once a second, while at least one
 * page listens, the {@link DashboardSnapshot} is rebuilt (once, shared by every listener) and pushed
 * as an {@code event: snapshot} only when it differs from the last one pushed. A newly connected page
 * gets the last snapshot at once. A comment line every 15 s keeps idle connections (and proxies) alive
 * and finds dead ones.
 */
final class LiveUpdates implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
  static final long PUSH_INTERVAL_MS = 1000;
  private static final long KEEP_ALIVE_MS = 15_000;
  private final Vertx vertx;
  private final DashboardSnapshot snapshots;
  private final Set<HttpServerResponse> listeners = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean building = new AtomicBoolean();
  private final long pushTimer;
  private final long keepAliveTimer;
  private volatile String lastFingerprint;
  private volatile String lastEvent;

  LiveUpdates(Vertx vertx, DashboardSnapshot snapshots) {
    this.vertx = vertx;
    this.snapshots = snapshots;
    pushTimer = vertx.setPeriodic(PUSH_INTERVAL_MS, id -> pushIfChanged());
    keepAliveTimer = vertx.setPeriodic(KEEP_ALIVE_MS, id -> broadcast(": keep-alive\n\n"));
  }

  void listen(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache")
        .putHeader("x-accel-buffering", "no");
    // retry: how long the browser's EventSource waits before reconnecting after a drop.
    response.write("retry: 2000\n\n");
    response.closeHandler(closed -> listeners.remove(response));
    response.exceptionHandler(error -> listeners.remove(response));
    listeners.add(response);
    String last = lastEvent;
    if (last != null) {
      response.write(last);
    }
  }

  int listenerCount() {
    return listeners.size();
  }

  private void pushIfChanged() {
    if (listeners.isEmpty() || !building.compareAndSet(false, true)) {
      return; // nobody listens, or the previous build is still running: skip this tick
    }
    snapshots.build().whenComplete((snapshot, error) -> {
      try {
        // Stores unavailable (rebalancing, starting): tell the page the state, keep its last numbers.
        JsonNode body = error == null ? snapshot : snapshots.stateOnly();
        String fingerprint = DashboardSnapshot.fingerprint(body);
        if (fingerprint.equals(lastFingerprint)) {
          return;
        }
        lastFingerprint = fingerprint;
        String event = "event: snapshot\ndata: " + body + "\n\n"; // compact JSON has no raw newlines
        lastEvent = event;
        broadcast(event);
      } finally {
        building.set(false);
      }
    });
  }

  private void broadcast(String text) {
    for (HttpServerResponse response : listeners) {
      if (response.ended() || response.closed()) {
        listeners.remove(response);
      } else {
        response.write(text);
      }
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(pushTimer);
    vertx.cancelTimer(keepAliveTimer);
    for (HttpServerResponse response : listeners) {
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    }
    listeners.clear();
  }
}
