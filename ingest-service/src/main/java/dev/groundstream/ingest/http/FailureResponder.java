package dev.groundstream.ingest.http;

import dev.groundstream.ingest.InvalidInputException;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a failed request to its JSON error: refused input to its own status (4xx), Kafka or
 * registry trouble to 503 (retry later), anything else to 500 and a log line.
 */
public final class FailureResponder {
  private static final Logger LOG = LoggerFactory.getLogger(FailureResponder.class);

  private final IngestMetrics metrics;

  public FailureResponder(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  public void respond(RoutingContext ctx, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof InvalidInputException invalid) {
      metrics.rejected(invalid.reason());
      JsonErrors.send(ctx, invalid.status(), invalid.reason(), invalid.getMessage());
    } else if (cause instanceof KafkaException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      metrics.rejected("kafka_unavailable");
      LOG.warn("Kafka refused a write: {}", cause.toString());
      JsonErrors.send(ctx, 503, "kafka_unavailable", "The request could not be written to Kafka; retry later");
    } else {
      metrics.rejected("internal_error");
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), cause);
      JsonErrors.send(ctx, 500, "internal_error", "Unexpected error");
    }
  }

  static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
