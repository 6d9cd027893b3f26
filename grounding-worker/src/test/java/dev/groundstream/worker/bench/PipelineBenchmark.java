package dev.groundstream.worker.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import com.sun.management.OperatingSystemMXBean;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.worker.model.DetectorRankerModel;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.ModelKind;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.ranker.PhraseRankers;
import dev.groundstream.worker.model.GroundingModels;
import dev.groundstream.worker.model.LabelMatchScorer;
import dev.groundstream.worker.GroundingWorker;
import dev.groundstream.worker.ImageSource;
import dev.groundstream.worker.WorkerConfig;
import dev.groundstream.worker.WorkerTestKit;
import dev.groundstream.worker.model.ImageBatch;
import dev.groundstream.worker.model.ImagePreprocessor;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.PreprocessedImage;
import dev.groundstream.worker.onnx.DeviceRequest;
import dev.groundstream.worker.onnx.ModelSession;
import dev.groundstream.worker.onnx.OrtSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness, not a timed test: throughput of the whole pipeline (Kafka -> worker: load,
 * decode, preprocess, batch, ONNX Runtime, rank, exactly-once produce -> Kafka) against bare ONNX
 * Runtime {@code session.run} on the same model and the same preprocessed images, in one run on
 * the same machine. The broker and registry run in this JVM, so the pipeline's CPU figure
 * includes them. Run (see grounding-worker/README.md):
 *
 * <pre>
 * mvn -B -ntp -o -pl grounding-worker test -Dtest=PipelineBenchmark -Dgroundstream.benchmark=true \
 *   [-Dgroundstream.benchmark.model=../models/centernet-coco] [-Dgroundstream.benchmark.images=../datasets/groundstream-photos/images] \
 *   [-Dgroundstream.benchmark.requests=200] [-Dgroundstream.benchmark.batch=8] [-Dgroundstream.benchmark.device=cpu]
 * </pre>
 */
class PipelineBenchmark {
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Test
  void pipelineAgainstBareOnnxRuntime() throws Exception {
    assumeTrue(Boolean.getBoolean("groundstream.benchmark"), "benchmark harness: run with -Dgroundstream.benchmark=true");
    Path modelDir = Path.of(System.getProperty("groundstream.benchmark.model", "../models/centernet-coco"));
    Path imageDir = Path.of(System.getProperty("groundstream.benchmark.images", "../datasets/groundstream-photos/images"))
        .toAbsolutePath().normalize();
    int requests = Integer.getInteger("groundstream.benchmark.requests", 200);
    int batch = Integer.getInteger("groundstream.benchmark.batch", 8);
    String device = System.getProperty("groundstream.benchmark.device", "cpu");
    OrtSettings ort = new OrtSettings(DeviceRequest.parse(device), false, 0, 0);

    double loadAtStart = OS.getSystemLoadAverage();
    ModelCard card = ModelCard.load(modelDir);
    int modelBatch = Math.min(batch, card.maxBatch());
    List<Path> images;
    try (Stream<Path> files = Files.list(imageDir)) {
      images = files.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$")).sorted().toList();
    }
    ImagePreprocessor preprocessor = new ImagePreprocessor(card.preprocessing());
    List<PreprocessedImage> prepared = new ArrayList<>();
    List<byte[]> encoded = new ArrayList<>();
    for (Path image : images) {
      encoded.add(Files.readAllBytes(image));
      prepared.add(preprocessor.preprocess(encoded.get(encoded.size() - 1)));
    }
    // CPU time (not wall time: the machine may be shared) of decode + preprocess, one thread
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    for (int round = 0; round < 3; round++) {
      for (byte[] e : encoded) {
        preprocessor.preprocess(e);
      }
    }
    double preprocessCpuMs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6 / (3.0 * encoded.size());

    // 1. bare ONNX Runtime: the same preprocessed images, batches of the same size, session.run only
    Measurement bare;
    String provider;
    try (ModelSession session = ModelSession.open(card.modelFile(), ort)) {
      provider = session.provider().label();
      Set<String> outputs = Set.copyOf(card.outputs().values());
      for (int i = 0; i < 3; i++) {
        runBatch(session, card, prepared, i * modelBatch, modelBatch, outputs);
      }
      Measurement.Start start = Measurement.start();
      for (int done = 0; done < requests; done += modelBatch) {
        runBatch(session, card, prepared, done, Math.min(modelBatch, requests - done), outputs);
      }
      bare = start.stop(requests);
    }
    System.out.printf(Locale.ROOT, "bare ONNX Runtime: %.2f images/s%n", bare.perSecond());

    // 2. the pipeline: requests by file: URI (claim check) in Kafka, results back in Kafka
    Measurement pipeline;
    double meanBatch;
    double preprocessMs;
    double inferenceMsPerBatch;
    StageCosts.Costs costs;
    try (WorkerTestKit kit = WorkerTestKit.start()) {
      WorkerConfig config = kit.config("fake-detector").withModelDir(modelDir)
          .withBatching(batch, Duration.ofMillis(20), 4 * batch).withBlobDir(imageDir);
      config = new WorkerConfig(config.kafka(), config.registry(), config.modelDir(), config.maxBatchSize(),
          config.maxQueueDelay(), config.queueCapacity(), Math.max(1, Runtime.getRuntime().availableProcessors()),
          config.blobDir(), ort, config.ranking(), -1, config.groupId(), config.instanceId(), config.s3Blobs());
      List<GroundingRequest> toSend = new ArrayList<>();
      for (int i = 0; i < requests + 2 * batch; i++) {
        Path image = images.get(i % images.size());
        byte[] bytes = Files.readAllBytes(image);
        PreprocessedImage p = prepared.get(i % images.size());
        toSend.add(WorkerTestKit.request(WorkerTestKit.id("bench", i),
            WorkerTestKit.uri(image, bytes, p.originalWidth(), p.originalHeight())));
      }
      try (GroundingWorker worker = GroundingWorker.start(config)) {
        int warmup = 2 * batch;
        for (int i = 0; i < warmup; i++) {
          kit.send(toSend.get(i));
        }
        awaitCount(worker, warmup);
        Measurement.Start start = Measurement.start();
        for (int i = warmup; i < toSend.size(); i++) {
          kit.send(toSend.get(i));
        }
        awaitCount(worker, warmup + requests);
        pipeline = start.stop(requests);
        String scrape = worker.metrics().scrape();
        meanBatch = mean(scrape, "groundstream_worker_batch_size");
        preprocessMs = 1000 * mean(scrape, "groundstream_worker_preprocess_seconds");
        inferenceMsPerBatch = 1000 * mean(scrape, "groundstream_worker_inference_seconds");
      }
      List<GroundingResult> results = kit.readResults(r -> r.size() >= requests, Duration.ofMinutes(2));
      StageCosts.TimedRanker ranker = null;
      GroundingModel loaded;
      if (card.kind() == ModelKind.DETECTOR_RANKER) {
        ranker = new StageCosts.TimedRanker(PhraseRankers.forCard(card, config.ranking(),
            PhraseRanker.perProposal(new LabelMatchScorer(), config.ranking()), ort));
        loaded = new DetectorRankerModel(card, ModelSession.open(card.modelFile(), ort), config.ranking(), ranker);
      } else {
        loaded = GroundingModels.load(modelDir, ort, config.ranking(), new LabelMatchScorer());
      }
      try (GroundingModel model = loaded) {
        costs = StageCosts.measure(encoded, preprocessor, model, ranker, modelBatch, toSend, results,
            SchemaRegistryClients.shared(kit.registryConnection()), new ImageSource(config.blobDir()), 2);
      }
    }

    String report = String.format(Locale.ROOT, """
        model %s (%s), %d distinct images from %s, %d requests, max batch %d (model allows %d), provider %s
        machine: %d cores visible, %s, load average at start %.1f
        decode + preprocess alone: %.1f ms CPU per image (one thread)
        bare ONNX Runtime : %8.2f images/s  (%.1f ms/image, CPU %.2f cores = %.1f ms CPU per image)
        pipeline          : %8.2f requests/s (%.1f ms/request, CPU %.2f cores = %.1f ms CPU per request, mean batch %.2f)
          inside the worker: decode+preprocess %.1f ms/request (on the pool), model run + ranking %.1f ms/batch
        ratio pipeline/bare: %.3f (wall), %.3f (CPU per item: bare / pipeline)
        """, card.name(), card.kind().cardName(), images.size(), imageDir, requests, batch, card.maxBatch(), provider,
        Runtime.getRuntime().availableProcessors(), cpuModel(), loadAtStart,
        preprocessCpuMs, bare.perSecond(), bare.msPerItem(), bare.cores(), bare.cores() * bare.msPerItem(),
        pipeline.perSecond(), pipeline.msPerItem(), pipeline.cores(), pipeline.cores() * pipeline.msPerItem(), meanBatch,
        preprocessMs, inferenceMsPerBatch,
        pipeline.perSecond() / bare.perSecond(),
        bare.cores() * bare.msPerItem() / (pipeline.cores() * pipeline.msPerItem()))
        + StageCosts.table(costs, bare.cores() * bare.msPerItem(), pipeline.cores() * pipeline.msPerItem());
    System.out.println(report);
    Files.writeString(Path.of("target", "benchmark.txt"), report);
  }

  private static void runBatch(ModelSession session, ModelCard card, List<PreprocessedImage> prepared, int from,
      int size, Set<String> outputs) throws Exception {
    List<PreprocessedImage> batch = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      batch.add(prepared.get((from + i) % prepared.size()));
    }
    try (OnnxTensor input = ImageBatch.tensor(session.env(), card.preprocessing(), batch);
        OrtSession.Result result = session.run(Map.of(card.input(ModelCard.ROLE_IMAGE), input), outputs)) {
      result.get(0);
    }
  }

  private static void awaitCount(GroundingWorker worker, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (worker.metrics().requestCount() < count) {
      if (System.nanoTime() > deadline || worker.awaitFinished(Duration.ZERO)) {
        throw new IllegalStateException("worker stopped or too slow at " + worker.metrics().requestCount());
      }
      Thread.sleep(2);
    }
  }

  /** sum / count of a Prometheus summary or histogram in the scrape. */
  private static double mean(String scrape, String metric) {
    double sum = 0;
    double count = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(metric + "_sum")) {
        sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith(metric + "_count")) {
        count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }

  private record Measurement(int items, double seconds, double cpuSeconds) {
    double perSecond() {
      return items / seconds;
    }

    double msPerItem() {
      return 1000 * seconds / items;
    }

    double cores() {
      return cpuSeconds / seconds;
    }

    record Start(long wallNanos, long cpuNanos) {
      Measurement stop(int items) {
        return new Measurement(items, (System.nanoTime() - wallNanos) / 1e9, (OS.getProcessCpuTime() - cpuNanos) / 1e9);
      }
    }

    static Start start() {
      return new Start(System.nanoTime(), OS.getProcessCpuTime());
    }
  }
}
