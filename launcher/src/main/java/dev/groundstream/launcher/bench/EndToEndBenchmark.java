package dev.groundstream.launcher.bench;

import dev.groundstream.launcher.local.LocalMode;
import dev.groundstream.launcher.local.LocalPorts;
import dev.groundstream.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Upload accepted (202) to evaluation committed on grounding.evaluations, through a throw-away
 * local mode: a latency phase at a fixed rate, then a step search for the highest rate at which the
 * worker's consumer lag stays bounded. Every wait has a deadline, so a run ends by itself.
 */
public final class EndToEndBenchmark {
  static final String DATASET = "bench/e2e";
  private static final long LAG_SAMPLE_MILLIS = 1000;
  /** The worker's default max batch. */
  static final long LAG_SLACK_RECORDS = 8;

  /** The figures of the latency phase; latencies in milliseconds. */
  public record Latency(int sent, int accepted, int evaluated, double offeredRate, double achievedRate,
      Percentiles millis, int apiVisible, Percentiles apiMillis, Percentiles postToAccepted,
      Percentiles postToApi) {}

  /** One rate step of the search. */
  public record Step(double rate, int sent, double seconds, double acceptedPerSecond, List<Long> lagSamples, boolean bounded,
      double processedPerSecond) {}

  public record Result(String model, String group, double startSeconds, int warmup, Latency latency,
      List<Step> steps) {}

  private final Path photos;
  private final Path modelDir;

  public EndToEndBenchmark(Path photos, Path modelDir) {
    this.photos = photos;
    this.modelDir = modelDir;
  }

  public Result run(int warmup, double rate, int requests, List<Double> stepRates, int stepSeconds, Duration budget)
      throws Exception {
    long deadline = System.nanoTime() + budget.toNanos();
    Path dataDir = Files.createTempDirectory("groundstream-bench-e2e");
    PhotoUploads uploads = PhotoUploads.load(photos, DATASET, Files.createDirectories(dataDir.resolve("scratch")));
    long t0 = System.nanoTime();
    try (LocalMode local = LocalMode.start(dataDir.resolve("data"), modelDir, LocalPorts.ANY_FREE);
        EvaluationArrivals arrivals = new EvaluationArrivals(local.kafka(), local.registry());
        ConsumerLag lag = new ConsumerLag(new java.util.HashMap<>(local.kafka().clientProperties()),
            local.workerGroup(), Topics.REQUESTS);
        RatePoster poster = new RatePoster(local.ingestUrl(), LocalMode.LOCAL_API_KEY, uploads);
        ApiVisibility api = new ApiVisibility(local.dashboardUrl())) {
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      log("local mode up in %.1f s; worker group %s; %d photos", startSeconds, local.workerGroup(),
          uploads.photoCount());

      // Warm-up: model load, ranker caches, JIT, first transactions; not measured.
      List<RatePoster.Accepted> warm = poster.send(1, warmup).get(2, TimeUnit.MINUTES);
      awaitEvaluated(warm, arrivals, Math.min(deadline, System.nanoTime() + TimeUnit.MINUTES.toNanos(3)));
      log("warm-up: %d uploads evaluated", warmup);

      poster.onAccepted(api::watch);
      Latency latency = latencyPhase(poster, arrivals, api, rate, requests, deadline);
      poster.onAccepted(id -> { });
      api.close();
      log("latency phase: %d evaluated of %d", latency.evaluated(), latency.sent());

      List<Step> steps = new ArrayList<>();
      for (double stepRate : stepRates) {
        long baseline = drain(lag, deadline);
        long stepNanos = TimeUnit.SECONDS.toNanos(stepSeconds);
        if (System.nanoTime() + stepNanos > deadline) {
          log("time budget spent: no step at %.1f/s", stepRate);
          break;
        }
        Step step = step(poster, lag, stepRate, stepSeconds, baseline);
        steps.add(step);
        log("step %.1f/s: %s, accepted %.2f/s, lag %s", stepRate, step.bounded() ? "keeps up" : "FALLS BEHIND", step.acceptedPerSecond(), step.lagSamples());
        if (!step.bounded()) {
          break;
        }
      }
      return new Result(modelDir.getFileName().toString(), local.workerGroup(), startSeconds, warmup, latency, steps);
    } finally {
      deleteQuietly(dataDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      log("could not delete %s: %s", dir, e);
    }
  }

  private Latency latencyPhase(RatePoster poster, EvaluationArrivals arrivals, ApiVisibility api, double rate, int requests,
      long deadline) throws Exception {
    long start = System.nanoTime();
    List<RatePoster.Accepted> answers = poster.send(rate, requests).get(10, TimeUnit.MINUTES);
    long firstAnswer = answers.stream().mapToLong(RatePoster.Accepted::answeredNanos).min().orElse(start);
    long lastAnswer = answers.stream().mapToLong(RatePoster.Accepted::answeredNanos).max().orElse(start);
    awaitEvaluated(answers, arrivals, Math.min(deadline, System.nanoTime() + TimeUnit.MINUTES.toNanos(2)));
    awaitVisible(answers, api, Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(30)));
    List<Long> millis = new ArrayList<>();
    List<Long> apiMillis = new ArrayList<>();
    List<Long> postToAccepted = new ArrayList<>();
    List<Long> postToApi = new ArrayList<>();
    int accepted = 0;
    for (RatePoster.Accepted a : answers) {
      if (a.requestId() == null) {
        continue;
      }
      accepted++;
      postToAccepted.add(TimeUnit.NANOSECONDS.toMillis(a.answeredNanos() - a.sentNanos()));
      Long seen = arrivals.arrival(a.requestId());
      if (seen != null) {
        millis.add(TimeUnit.NANOSECONDS.toMillis(seen - a.answeredNanos()));
      }
      Long ok = api.visible(a.requestId());
      if (ok != null) {
        apiMillis.add(TimeUnit.NANOSECONDS.toMillis(ok - a.answeredNanos()));
        postToApi.add(TimeUnit.NANOSECONDS.toMillis(ok - a.sentNanos()));
      }
    }
    // Achieved: the rate of 202 answers, first to last.
    double achieved = requests > 1 ? (requests - 1) / ((lastAnswer - firstAnswer) / 1e9) : rate;
    return new Latency(requests, accepted, millis.size(), rate, achieved,
        percentiles(millis), apiMillis.size(), percentiles(apiMillis), percentiles(postToAccepted),
        percentiles(postToApi));
  }

  private static Percentiles percentiles(List<Long> millis) {
    return millis.isEmpty() ? null : new Percentiles(millis.stream().mapToLong(Long::longValue).toArray());
  }

  private Step step(RatePoster poster, ConsumerLag lag, double rate, int seconds, long baseline) throws Exception {
    int count = (int) Math.round(rate * seconds);
    long start = System.nanoTime();
    CompletableFuture<List<RatePoster.Accepted>> sent = poster.send(rate, count);
    List<Long> samples = new ArrayList<>();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      Thread.sleep(LAG_SAMPLE_MILLIS);
      samples.add(lag.now());
    }
    List<RatePoster.Accepted> answers = sent.get(2, TimeUnit.MINUTES);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long last = samples.get(samples.size() - 1);
    // Records the worker got through while sampling: what was there, plus what came, minus what is left.
    double processed = (baseline + count - last) / (double) seconds;
    long lastAnswer = answers.stream().mapToLong(RatePoster.Accepted::answeredNanos).max().orElse(end);
    double acceptedPerSecond = count / ((lastAnswer - start) / 1e9);
    // Slack of one max batch: thirds compare levels, so the slack only covers a batch's worth of wobble
    // (a rate-dependent slack let a lag climbing 0.6 records/s at 4/s pass).
    long slack = LAG_SLACK_RECORDS;
    // Why the intake check: an ingest API that falls behind queues uploads in HTTP, which Kafka lag cannot see.
    boolean bounded = LagTrend.bounded(samples, slack) && acceptedPerSecond >= 0.9 * rate;
    return new Step(rate, count, elapsed, acceptedPerSecond, samples, bounded, processed);
  }

  /** Waits (bounded) for the previous load to be consumed so a step starts from an idle worker. */
  private static long drain(ConsumerLag lag, long deadline) throws Exception {
    long until = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
    long now = lag.now();
    while (now > 0 && System.nanoTime() < until) {
      Thread.sleep(500);
      now = lag.now();
    }
    return now;
  }

  private static void awaitEvaluated(List<RatePoster.Accepted> answers, EvaluationArrivals arrivals, long until)
      throws InterruptedException {
    for (RatePoster.Accepted a : answers) {
      while (a.requestId() != null && arrivals.arrival(a.requestId()) == null && System.nanoTime() < until) {
        Thread.sleep(20);
      }
    }
  }

  private static void awaitVisible(List<RatePoster.Accepted> answers, ApiVisibility api, long until)
      throws InterruptedException {
    for (RatePoster.Accepted a : answers) {
      while (a.requestId() != null && api.visible(a.requestId()) == null && System.nanoTime() < until) {
        Thread.sleep(20);
      }
    }
  }

  private static void log(String format, Object... args) {
    System.err.printf("[bench e2e] " + format + "%n", args);
  }
}
