package dev.groundstream.ingest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The service's Prometheus metrics: accepted requests and labels, rejections by reason, image
 * bytes accepted, and end-to-end latency of POST /v1/requests (receipt to Kafka ack).
 */
public final class IngestMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter accepted = Counter.builder("ingest_requests_accepted")
      .description("Requests written to grounding.requests").register(registry);
  private final Counter replayed = Counter.builder("ingest_requests_replayed")
      .description("Uploads answered from the idempotency cache without writing").register(registry);
  private final Counter indexFailures = Counter.builder("ingest_index_write_failures")
      .description("Accepted uploads whose grounding.ingest.accepted record was not acknowledged").register(registry);
  private final Counter labels = Counter.builder("ingest_labels_accepted")
      .description("Labels written to grounding.truth").register(registry);
  private final DistributionSummary imageBytes = DistributionSummary.builder("ingest_image_bytes")
      .description("Encoded size of accepted images").baseUnit("bytes").register(registry);
  private final Timer latency = Timer.builder("ingest_request_latency")
      .description("POST /v1/requests from receipt to Kafka acknowledgement")
      .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
      .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
      .register(registry);

  public void accepted(long bytes, long nanos) {
    accepted.increment();
    imageBytes.record(bytes);
    latency.record(Duration.ofNanos(nanos));
  }

  public void replayed() {
    replayed.increment();
  }

  public void indexWriteFailed() {
    indexFailures.increment();
  }

  public void labelAccepted() {
    labels.increment();
  }

  public void rejected(String reason) {
    Counter.builder("ingest_requests_rejected").description("Refused requests by reason")
        .tag("reason", reason).register(registry).increment();
  }

  public String scrape() {
    return registry.scrape();
  }

  /** Registers {@code ingest_dependency_retries_total{dependency}} over {@code health}. */
  public void dependencies(dev.groundstream.health.DependencyHealth health) {
    for (String dependency : health.dependencies()) {
      io.micrometer.core.instrument.FunctionCounter.builder("ingest_dependency_retries", health,
              h -> h.retries(dependency)).tag("dependency", dependency)
          .description("Failed attempts against a dependency (broker, registry)").register(registry);
    }
  }
}
