package dev.groundstream.ingest.requests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The requests accepted recently, by id: the idempotency cache (a second upload with the same
 * client key finds the first one's entry, even while it is still being written) and the lookup
 * behind GET /v1/requests/{id} and labels. Filled by this instance's own uploads and by the
 * index topic (uploads of earlier runs and of other instances). Bounded, least recently used out.
 */
public final class RequestStore {
  private final Map<UUID, CompletableFuture<AcceptedRequest>> entries;

  public RequestStore(int capacity) {
    this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, CompletableFuture<AcceptedRequest>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Registers {@code pending} under the id unless an entry exists; returns that entry if so. */
  public synchronized Optional<CompletableFuture<AcceptedRequest>> claim(UUID id, CompletableFuture<AcceptedRequest> pending) {
    CompletableFuture<AcceptedRequest> existing = entries.get(id);
    if (existing != null) {
      return Optional.of(existing);
    }
    entries.put(id, pending);
    return Optional.empty();
  }

  /** Forgets a claim whose request was refused or failed, so a retry can try again. */
  public synchronized void release(UUID id, CompletableFuture<AcceptedRequest> pending) {
    entries.remove(id, pending);
  }

  /**
   * Adds a request read from the index topic. An entry of this instance wins (a pending one is
   * still being written; a done one is the same request), except that a newer truth is taken.
   */
  public synchronized void remember(AcceptedRequest fromIndex) {
    UUID id = fromIndex.request().getRequestId();
    CompletableFuture<AcceptedRequest> existing = entries.get(id);
    if (existing == null) {
      entries.put(id, CompletableFuture.completedFuture(fromIndex));
    } else if (existing.isDone() && !existing.isCompletedExceptionally()) {
      existing.join().truthIfNewer(fromIndex.truth().orElse(null));
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  /** An accepted request; empty if unknown, evicted or still being written. */
  public synchronized Optional<AcceptedRequest> find(UUID id) {
    CompletableFuture<AcceptedRequest> f = entries.get(id);
    return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
  }
}
