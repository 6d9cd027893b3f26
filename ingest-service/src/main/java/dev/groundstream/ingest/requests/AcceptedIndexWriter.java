package dev.groundstream.ingest.requests;

import dev.groundstream.ingest.kafka.GroundingProducer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an accepted request's record to the index topic (grounding.ingest.accepted) and waits for
 * the acknowledgement. Never fails the upload: by the time it runs the request is durably on
 * grounding.requests, and an error answer would make the client retry and write it again. A lost
 * index record only means a later repeat on another instance or after a restart is not recognised.
 */
public final class AcceptedIndexWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AcceptedIndexWriter.class);

  private final GroundingProducer producer;
  private final Runnable onFailure;
  /**
   * Sends run here, not on the caller's thread: the caller is usually the producer's own I/O
   * thread (the request's ack callback), where a send that must wait for metadata or buffer space
   * would wait for that very thread (it timed out after max.block.ms). One thread keeps the
   * records of one request in order; a send only hands the record to the producer's buffer.
   */
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ingest-index-writer");
    t.setDaemon(true);
    return t;
  });

  public AcceptedIndexWriter(GroundingProducer producer, Runnable onFailure) {
    this.producer = producer;
    this.onFailure = onFailure;
  }

  /** Completes with {@code accepted} once the index record is acknowledged or has failed. */
  public CompletableFuture<AcceptedRequest> write(AcceptedRequest accepted) {
    // The send itself inside the task: a plain thenCompose after it could run on the caller's thread.
    return CompletableFuture.supplyAsync(() -> producer.sendAccepted(accepted.toIndex()), sender)
        .thenCompose(sent -> sent)
        .handle((metadata, error) -> {
          if (error != null) {
            onFailure.run();
            LOG.warn("Index record of request {} not written ({}); a repeat after a restart or on another"
                + " instance will write the request again", accepted.request().getRequestId(), error.toString());
          }
          return accepted;
        });
  }

  /** Lets queued sends reach the producer; call before closing it. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
