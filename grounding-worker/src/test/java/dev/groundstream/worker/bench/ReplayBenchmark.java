package dev.groundstream.worker.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.OperatingSystemMXBean;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.ReplayRange;
import dev.groundstream.worker.WorkerConfig;
import dev.groundstream.worker.WorkerTestKit;
import dev.groundstream.worker.model.ImagePreprocessor;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.PreprocessedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness, not a timed test: replay throughput against the live worker's on the same
 * model, the same requests and the same machine, in one run. Live: the worker (live intake) is up
 * and warm, N requests are sent, timed from the first send to the last commit. Replay: the same
 * model replays those N (plus the warm-up) under a fresh group, timed from its first progress
 * report (intake attached, model loaded) to its end. Run:
 *
 * <pre>
 * mvn -B -ntp -pl grounding-worker -am test -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dgroundstream.benchmark=true [-Dgroundstream.benchmark.model=../models/centernet-coco] \
 *   [-Dgroundstream.benchmark.requests=60] [-Dgroundstream.benchmark.batch=8]
 * </pre>
 */
class ReplayBenchmark {
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Test
  void replayAgainstLiveThroughput() throws Exception {
    assumeTrue(Boolean.getBoolean("groundstream.benchmark"), "benchmark harness: run with -Dgroundstream.benchmark=true");
    Path modelDir = Path.of(System.getProperty("groundstream.benchmark.model", "../models/centernet-coco"));
    Path imageDir = Path.of("../datasets/groundstream-photos/images").toAbsolutePath().normalize();
    int requests = Integer.getInteger("groundstream.benchmark.requests", 60);
    int batch = Integer.getInteger("groundstream.benchmark.batch", 8);
    double loadAtStart = OS.getSystemLoadAverage();
    ModelCard card = ModelCard.load(modelDir);
    List<Path> images;
    try (Stream<Path> files = Files.list(imageDir)) {
      images = files.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
    }
    ImagePreprocessor preprocessor = new ImagePreprocessor(card.preprocessing());
    int warmup = 2 * batch;
    List<GroundingRequest> toSend = new ArrayList<>();
    for (int i = 0; i < warmup + requests; i++) {
      Path image = images.get(i % images.size());
      byte[] bytes = Files.readAllBytes(image);
      PreprocessedImage p = preprocessor.preprocess(bytes);
      toSend.add(WorkerTestKit.request(WorkerTestKit.id("replay-bench", i),
          WorkerTestKit.uri(image, bytes, p.originalWidth(), p.originalHeight())));
    }
    Phase live;
    Phase replay;
    try (WorkerTestKit kit = WorkerTestKit.start()) {
      WorkerConfig config = kit.config("fake-detector").withModelDir(modelDir)
          .withBatching(batch, Duration.ofMillis(20), 4 * batch).withBlobDir(imageDir);
      try (GroundingWorker worker = GroundingWorker.start(config)) {
        for (int i = 0; i < warmup; i++) {
          kit.send(toSend.get(i));
        }
        awaitCommitted(worker, warmup);
        Phase.Start start = Phase.start();
        for (int i = warmup; i < toSend.size(); i++) {
          kit.send(toSend.get(i));
        }
        awaitCommitted(worker, warmup + requests);
        live = start.stop(requests);
      }
      AtomicLong attachedNanos = new AtomicLong();
      AtomicLong attachedCpu = new AtomicLong();
      GroundingWorker replayer = GroundingWorker.startReplay(config, ReplayRange.all(), (done, total) -> {
        if (attachedNanos.get() == 0) {
          attachedCpu.set(OS.getProcessCpuTime());
          attachedNanos.set(System.nanoTime());
        }
      });
      try (replayer) {
        if (!replayer.awaitFinished(Duration.ofMinutes(20)) || replayer.failure() != null) {
          throw new IllegalStateException("replay did not finish: " + replayer.failure());
        }
        long n = replayer.outcomes().grounded();
        if (n != warmup + requests) {
          throw new IllegalStateException("replay grounded " + n + " of " + (warmup + requests));
        }
        replay = new Phase((int) n, (System.nanoTime() - attachedNanos.get()) / 1e9,
            (OS.getProcessCpuTime() - attachedCpu.get()) / 1e9);
      }
    }
    String report = String.format(Locale.ROOT, """
        model %s (%s), %d requests live (+%d warm-up), %d replayed, max batch %d
        machine: %d cores visible, load average at start %.1f, at end %.1f
        live   : %7.2f requests/s (CPU %.2f cores = %.0f ms CPU per request)
        replay : %7.2f requests/s (CPU %.2f cores = %.0f ms CPU per request)
        ratio replay/live: %.3f (wall), %.3f (CPU per request, live/replay)
        """, card.name(), card.kind().cardName(), requests, warmup, replay.items(), batch,
        Runtime.getRuntime().availableProcessors(), loadAtStart, OS.getSystemLoadAverage(),
        live.perSecond(), live.cores(), live.cpuMsPerItem(), replay.perSecond(), replay.cores(), replay.cpuMsPerItem(),
        replay.perSecond() / live.perSecond(), live.cpuMsPerItem() / replay.cpuMsPerItem());
    System.out.println(report);
    Files.writeString(Path.of("target", "replay-benchmark.txt"), report);
  }

  private static void awaitCommitted(GroundingWorker worker, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while (worker.outcomes().total() < count) {
      if (System.nanoTime() > deadline || worker.awaitFinished(Duration.ZERO)) {
        throw new IllegalStateException("worker stopped or too slow at " + worker.outcomes());
      }
      Thread.sleep(2);
    }
  }

  private record Phase(int items, double seconds, double cpuSeconds) {
    double perSecond() {
      return items / seconds;
    }

    double cores() {
      return cpuSeconds / seconds;
    }

    double cpuMsPerItem() {
      return 1000 * cpuSeconds / items;
    }

    record Start(long wallNanos, long cpuNanos) {
      Phase stop(int items) {
        return new Phase(items, (System.nanoTime() - wallNanos) / 1e9, (OS.getProcessCpuTime() - cpuNanos) / 1e9);
      }
    }

    static Start start() {
      return new Start(System.nanoTime(), OS.getProcessCpuTime());
    }
  }
}
