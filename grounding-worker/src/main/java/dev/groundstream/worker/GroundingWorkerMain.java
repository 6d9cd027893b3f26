package dev.groundstream.worker;

import dev.groundstream.config.settings.ServiceRunner;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.Topics;
import dev.groundstream.worker.onnx.GpuUnavailableException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code grounding-worker [--model DIR] [--device cpu|cuda[:N]] [--require-gpu] [--bootstrap-servers ...]
 * [--registry-url ...] [--max-batch-size N] [--max-queue-delay 20ms] ...}: runs until SIGTERM.
 * Settings: {@link WorkerSettings}. Exit code 2 for bad settings or an unusable required GPU, 1 when
 * the worker fails while running.
 */
public final class GroundingWorkerMain {
  private static final Logger LOG = LoggerFactory.getLogger(GroundingWorkerMain.class);

  private GroundingWorkerMain() {}

  public static void main(String[] args) throws Exception {
    ServiceRunner.run("grounding-worker", WorkerSettings.SETTINGS, args, a -> {
      WorkerConfig config = WorkerConfig.fromEnvironmentAndArgs(System.getenv(), a);
      try (Admin admin = Admin.create(config.kafka().clientProperties())) {
        List<String> created = TopicCreator.createMissing(admin, Topics.ALL);
        if (!created.isEmpty()) {
          LOG.info("Created topics {}", created);
        }
      }
      GroundingWorker worker;
      try {
        worker = GroundingWorker.start(config);
      } catch (GpuUnavailableException e) {
        throw new ServiceRunner.StartupException(e.getMessage());
      }
      return new ServiceRunner.RunningService() {
        @Override
        public Throwable awaitEnd() throws InterruptedException {
          while (!worker.awaitFinished(Duration.ofSeconds(60))) {
            LOG.debug("still running");
          }
          return worker.failure();
        }

        @Override
        public void close() throws InterruptedException {
          worker.close();
        }
      };
    });
  }
}
