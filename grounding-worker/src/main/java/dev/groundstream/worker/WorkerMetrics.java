package dev.groundstream.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's Prometheus metrics. Requests/s is {@code rate(groundstream_worker_requests_total[1m])};
 * the execution provider is the {@code provider} tag of {@code groundstream_worker_info}.
 */
public final class WorkerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DistributionSummary batchSize;
  private final Timer queueDelay;
  private final Timer preprocess;
  private final Timer inference;
  private final Counter requests;
  private final Counter results;
  private final Counter pauses;
  private final Counter skipped;
  private final AtomicLong consumerLag = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();

  public WorkerMetrics(String modelId, String provider) {
    registry.config().commonTags("model", modelId);
    Gauge.builder("groundstream_worker_info", () -> 1).tag("provider", provider)
        .description("Always 1; tags say which model and execution provider run").register(registry);
    batchSize = DistributionSummary.builder("groundstream_worker_batch_size")
        .description("Requests per inference batch").serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
        .register(registry);
    queueDelay = timer("groundstream_worker_queue_delay", "From consume to the start of its batch");
    preprocess = timer("groundstream_worker_preprocess", "Image load, decode and preprocess per request");
    inference = timer("groundstream_worker_inference", "Model run (with its postprocessing) per batch");
    requests = Counter.builder("groundstream_worker_requests_total").description("Records consumed and committed")
        .register(registry);
    results = Counter.builder("groundstream_worker_results_total").description("Results produced")
        .register(registry);
    skipped = Counter.builder("groundstream_worker_skipped_total")
        .description("Records committed without a result because a replay's dataset filter excludes them")
        .register(registry);
    pauses = Counter.builder("groundstream_worker_partition_pauses_total")
        .description("Times the consumer paused its partitions because the queue was full").register(registry);
    Gauge.builder("groundstream_worker_consumer_lag", consumerLag, AtomicLong::get)
        .description("Records behind the end of the assigned request partitions").register(registry);
    Gauge.builder("groundstream_worker_pending_requests", pending, AtomicLong::get)
        .description("Consumed requests waiting for a batch").register(registry);
  }

  private Timer timer(String name, String description) {
    return Timer.builder(name).description(description).publishPercentileHistogram().register(registry);
  }

  public void batch(int size, double inferenceMs) {
    batchSize.record(size);
    inference.record((long) (inferenceMs * 1e6), TimeUnit.NANOSECONDS);
  }

  public void queued(double ms) {
    queueDelay.record((long) (ms * 1e6), TimeUnit.NANOSECONDS);
  }

  public void preprocessed(double ms) {
    preprocess.record((long) (ms * 1e6), TimeUnit.NANOSECONDS);
  }

  public void committed(int records, int resultCount) {
    requests.increment(records);
    results.increment(resultCount);
  }

  public void skipped(int count) {
    skipped.increment(count);
  }

  public double skippedCount() {
    return skipped.count();
  }

  public void deadLetter(String step) {
    Counter.builder("groundstream_worker_dead_letters_total").tag("step", step)
        .description("Requests sent to grounding.dlq").register(registry).increment();
  }

  public void paused() {
    pauses.increment();
  }

  public double pauseCount() {
    return pauses.count();
  }

  public void consumerLag(long lag) {
    consumerLag.set(lag);
  }

  public void pending(long count) {
    pending.set(count);
  }

  public double deadLetterCount() {
    return registry.find("groundstream_worker_dead_letters_total").counters().stream().mapToDouble(Counter::count).sum();
  }

  public double requestCount() {
    return requests.count();
  }

  /** Registers {@code groundstream_worker_dependency_retries_total{dependency}} over {@code health}. */
  public void dependencies(dev.groundstream.health.DependencyHealth health) {
    for (String dependency : health.dependencies()) {
      io.micrometer.core.instrument.FunctionCounter.builder("groundstream_worker_dependency_retries",
              health, h -> h.retries(dependency)).tag("dependency", dependency)
          .description("Failed attempts against a dependency (broker, registry), each retried").register(registry);
    }
  }

  public String scrape() {
    return registry.scrape();
  }
}
