package dev.groundstream.worker;

import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code grounding-worker [--model DIR] [--device cpu|cuda[:N]] [--require-gpu] [--bootstrap-servers ...]
 * [--registry-url ...] [--max-batch-size N] [--max-queue-delay-ms MS] ...}: runs until SIGTERM.
 * Settings: {@link WorkerConfig}. Exit code 2 for bad settings or an unusable required GPU.
 */
public final class GroundingWorkerMain {
  private static final Logger LOG = LoggerFactory.getLogger(GroundingWorkerMain.class);

  private GroundingWorkerMain() {}

  public static void main(String[] args) throws Exception {
    WorkerConfig config;
    try {
      config = WorkerConfig.fromEnvironmentAndArgs(System.getenv(), args);
    } catch (IllegalArgumentException e) {
      System.err.println("grounding-worker: " + e.getMessage());
      System.exit(2);
      return;
    }
    try (Admin admin = Admin.create(config.kafka().clientProperties())) {
      List<String> created = TopicCreator.createMissing(admin, Topics.ALL);
      if (!created.isEmpty()) {
        LOG.info("Created topics {}", created);
      }
    }
    GroundingWorker worker;
    try {
      worker = GroundingWorker.start(config);
    } catch (dev.groundstream.worker.onnx.GpuUnavailableException e) {
      System.err.println("grounding-worker: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        worker.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "grounding-worker-shutdown"));
    while (!worker.awaitFinished(Duration.ofSeconds(60))) {
      LOG.debug("still running");
    }
    if (worker.failure() != null) {
      System.exit(1);
    }
  }
}
