package dev.groundstream.launcher.bench;

import dev.groundstream.launcher.evaluate.TempFolders;
import dev.groundstream.launcher.local.LocalMode;
import dev.groundstream.launcher.local.LocalPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Upload accepted (202) to result served on GET /v1/requests/{id}/result, through a throw-away
 * local mode at a steady rate: what an uploader that wants its answer over HTTP waits. Warm-up
 * uploads first (model load, JIT), unmeasured.
 */
public final class ResultLatencyBenchmark {
  static final String DATASET = "bench/result";

  /** Latencies in milliseconds from the 202 (and from the POST) to the first 200 of /result. */
  public record Result(String model, int sent, int accepted, int served, double rate, Percentiles fromAccepted,
      Percentiles fromPost) {}

  private final Path photos;
  private final Path modelDir;

  public ResultLatencyBenchmark(Path photos, Path modelDir) {
    this.photos = photos;
    this.modelDir = modelDir;
  }

  public Result run(int warmup, double rate, int requests) throws Exception {
    Path dataDir = Files.createTempDirectory("groundstream-bench-result");
    try {
      PhotoUploads uploads = PhotoUploads.load(photos, DATASET, Files.createDirectories(dataDir.resolve("scratch")));
      try (LocalMode local = LocalMode.start(dataDir.resolve("data"), modelDir, LocalPorts.ANY_FREE);
          RatePoster poster = new RatePoster(local.ingestUrl(), LocalMode.LOCAL_API_KEY, uploads)) {
        ResultWaiter warm = new ResultWaiter(local.ingestUrl(), LocalMode.LOCAL_API_KEY, Duration.ofMinutes(3));
        poster.onAccepted(warm::watch);
        await(poster.send(1, warmup).get(3, TimeUnit.MINUTES), warm, TimeUnit.MINUTES.toNanos(3));

        ResultWaiter waiter = new ResultWaiter(local.ingestUrl(), LocalMode.LOCAL_API_KEY, Duration.ofMinutes(5));
        poster.onAccepted(waiter::watch);
        List<RatePoster.Accepted> answers = poster.send(rate, requests).get(10, TimeUnit.MINUTES);
        await(answers, waiter, TimeUnit.MINUTES.toNanos(3));
        List<Long> fromAccepted = new ArrayList<>();
        List<Long> fromPost = new ArrayList<>();
        int accepted = 0;
        for (RatePoster.Accepted a : answers) {
          if (a.requestId() == null) {
            continue;
          }
          accepted++;
          Long served = waiter.visible(a.requestId());
          if (served != null) {
            fromAccepted.add(TimeUnit.NANOSECONDS.toMillis(served - a.answeredNanos()));
            fromPost.add(TimeUnit.NANOSECONDS.toMillis(served - a.sentNanos()));
          }
        }
        return new Result(modelDir.getFileName().toString(), requests, accepted, fromAccepted.size(), rate,
            percentiles(fromAccepted), percentiles(fromPost));
      }
    } finally {
      TempFolders.deleteRecursively(dataDir);
    }
  }

  private static void await(List<RatePoster.Accepted> answers, ResultWaiter waiter, long nanos)
      throws InterruptedException {
    long until = System.nanoTime() + nanos;
    for (RatePoster.Accepted a : answers) {
      while (a.requestId() != null && waiter.visible(a.requestId()) == null && System.nanoTime() < until) {
        Thread.sleep(20);
      }
    }
  }

  private static Percentiles percentiles(List<Long> millis) {
    return millis.isEmpty() ? null : new Percentiles(millis.stream().mapToLong(Long::longValue).toArray());
  }
}
