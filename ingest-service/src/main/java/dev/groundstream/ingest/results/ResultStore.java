package dev.groundstream.ingest.results;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The latest result of every model for the requests grounded recently, by request id: what
 * GET /v1/requests/{id}/result answers. Filled by {@link ResultsTail} from grounding.results
 * (read_committed). A later result of the same model name + version replaces the earlier one (a
 * replay or a redelivery); results of other models sit beside it. Bounded, least recently used
 * out; heatmaps are dropped on the way in (the endpoint does not serve them) to keep entries small.
 * Long-polling callers register a future that completes on the request's first result.
 */
public final class ResultStore {
  private final Map<UUID, Map<String, GroundingResult>> entries;
  private final Map<UUID, List<CompletableFuture<List<GroundingResult>>>> waiters = new HashMap<>();

  public ResultStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, Map<String, GroundingResult>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Adds a result (the store takes it over); completes the request's waiters with every result now known. */
  public void put(GroundingResult result) {
    UUID id = result.getRequestId();
    GroundingResult slim = withoutHeatmaps(result);
    List<CompletableFuture<List<GroundingResult>>> toWake;
    List<GroundingResult> now;
    synchronized (this) {
      entries.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(modelKey(result), slim);
      now = List.copyOf(entries.get(id).values());
      toWake = waiters.remove(id);
    }
    if (toWake != null) {
      toWake.forEach(w -> w.complete(now)); // outside the lock: completion runs callbacks
    }
  }

  /** Every model's latest result for the request; empty when none has been read (yet). */
  public synchronized List<GroundingResult> find(UUID id) {
    Map<String, GroundingResult> byModel = entries.get(id);
    return byModel == null ? List.of() : List.copyOf(byModel.values());
  }

  /**
   * A future that completes with the request's results: at once if there are some, else on the
   * first one to arrive. Call {@link #cancel} when giving up on it, or it stays registered.
   */
  public synchronized CompletableFuture<List<GroundingResult>> whenAvailable(UUID id) {
    List<GroundingResult> known = find(id);
    if (!known.isEmpty()) {
      return CompletableFuture.completedFuture(known);
    }
    CompletableFuture<List<GroundingResult>> waiter = new CompletableFuture<>();
    waiters.computeIfAbsent(id, k -> new ArrayList<>()).add(waiter);
    return waiter;
  }

  /** Forgets a waiter (its long poll timed out or its client went away). */
  public synchronized void cancel(UUID id, CompletableFuture<List<GroundingResult>> waiter) {
    List<CompletableFuture<List<GroundingResult>>> list = waiters.get(id);
    if (list != null) {
      list.remove(waiter);
      if (list.isEmpty()) {
        waiters.remove(id);
      }
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized int waiting() {
    return waiters.values().stream().mapToInt(List::size).sum();
  }

  static String modelKey(GroundingResult result) {
    return result.getModel().getName() + ":" + result.getModel().getVersion();
  }

  /** Drops the heatmaps in place: the store owns the records it is given (fresh from the deserializer). */
  private static GroundingResult withoutHeatmaps(GroundingResult result) {
    for (PhraseResult p : result.getPhrases()) {
      p.setHeatmap(null);
    }
    return result;
  }
}
