package dev.groundstream.health;

import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the broker (describe cluster) and the schema registry (list subjects) every interval and
 * records the answers in a {@link DependencyHealth}, so an idle service notices an outage too, not
 * only the one whose next write fails. Runs on its own daemon thread; closing it closes the admin.
 */
public final class DependencyProbe implements AutoCloseable {
  public static final String BROKER = "broker";
  public static final String REGISTRY = "registry";
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

  private final Admin admin;
  private final SchemaRegistryClient registry;
  private final DependencyHealth health;
  private final Duration timeout;
  private final ScheduledExecutorService timer;

  public DependencyProbe(Admin admin, SchemaRegistryClient registry, DependencyHealth health, Duration interval) {
    this.admin = admin;
    this.registry = registry;
    this.health = health;
    this.timeout = interval.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : interval;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dependency-probe");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::probeOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One round: the broker, then the registry. */
  public void probeOnce() {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).clusterId()
          .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
      health.succeeded(BROKER);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      health.failed(BROKER, reason(e));
    }
    if (registry != null) {
      try {
        registry.subjects();
        health.succeeded(REGISTRY);
      } catch (RuntimeException e) {
        health.failed(REGISTRY, reason(e));
      }
    }
  }

  static String reason(Throwable e) {
    Throwable t = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(Duration.ofSeconds(1));
  }
}
