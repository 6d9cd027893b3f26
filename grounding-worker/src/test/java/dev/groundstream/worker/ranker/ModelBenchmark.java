package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundstream.worker.model.DetectorRankerModel;
import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.ImageDecoder;
import dev.groundstream.worker.model.ImagePreprocessor;
import dev.groundstream.worker.model.ModelCard;
import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.model.PreprocessedImage;
import dev.groundstream.worker.onnx.ModelSession;
import dev.groundstream.worker.onnx.OrtSettings;
import com.sun.management.OperatingSystemMXBean;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark harness, not a timed test (class name outside Surefire's patterns, skips without the
 * flag): the default model (models/centernet-ranker = centernet-coco detector + semantic ranker) on
 * the photos of datasets/groundstream-photos with their real caption phrases, one thread feeding the
 * model like the worker's batch loop, no Kafka. Per batch size it times each stage of every image:
 * decode (ImageIO), resize/normalise ({@link ImagePreprocessor}), the model's {@code ground()} and,
 * inside it, the ranker (a timing wrapper around the card's own semantic ranker), so
 * ONNX Runtime = ground() - ranking. Batch sizes are interleaved round by round so the shared
 * machine's load drift hits them alike. Run:
 *
 * <pre>
 * mvn -B -ntp -o -pl grounding-worker test -Dtest=ModelBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dgroundstream.benchmark=true [-Dgroundstream.benchmark.rounds=2] [-Dgroundstream.benchmark.images=32] \
 *   [-Dgroundstream.benchmark.batches=1,2,4,8]
 * </pre>
 */
class ModelBenchmark {
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  static final Path MODEL = Path.of("..", "models", "centernet-ranker");

  /** Nanoseconds per stage, summed over the images of one batch size. */
  static final class Stages {
    long images;
    long decode;
    long resize;
    long ground;
    long rank;
    long wall;
    /** CPU time (steadier than wall on a shared machine): whole process, and this thread's decode + resize + rank. */
    long cpuProcess;
    long cpuOutside;
    final List<String> loads = new ArrayList<>();

    long ort() {
      return ground - rank;
    }

    double ms(long nanos) {
      return nanos / 1e6 / images;
    }

    double share(long nanos) {
      return 100.0 * nanos / wall;
    }
  }

  @Test
  void defaultModelStagesPerBatchSize() throws Exception {
    assumeTrue(Boolean.getBoolean("groundstream.benchmark"), "benchmark harness: run with -Dgroundstream.benchmark=true");
    assumeTrue(PhotoBenchmark.available(), "datasets/groundstream-photos is not in this checkout");
    int rounds = Integer.getInteger("groundstream.benchmark.rounds", 2);
    int perRound = Integer.getInteger("groundstream.benchmark.images", 32); // divisible by every batch size
    List<Integer> batchSizes = Stream.of(System.getProperty("groundstream.benchmark.batches", "1,2,4,8").split(","))
        .map(String::trim).map(Integer::parseInt).toList();

    ModelCard card = ModelCard.load(MODEL);
    List<PhotoBenchmark.Image> photos = PhotoBenchmark.images();
    List<byte[]> encoded = new ArrayList<>();
    for (PhotoBenchmark.Image p : photos) {
      encoded.add(PhotoBenchmark.bytes(p));
    }
    AtomicLong rankNanos = new AtomicLong();
    AtomicLong rankCpu = new AtomicLong();
    PhraseRanker semantic = PhraseRankers.forCard(card, PostprocessSettings.DEFAULT, null);
    PhraseRanker timed = (phrase, proposals, w, h) -> {
      long t = System.nanoTime();
      long c = THREADS.getCurrentThreadCpuTime();
      try {
        return semantic.rank(phrase, proposals, w, h);
      } finally {
        rankNanos.addAndGet(System.nanoTime() - t);
        rankCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c);
      }
    };
    Map<Integer, Stages> results = new LinkedHashMap<>();
    batchSizes.forEach(b -> results.put(b, new Stages()));
    Stages cold = new Stages();
    String start = loadAverage();
    try (GroundingModel model = new DetectorRankerModel(card, ModelSession.open(card.modelFile(), OrtSettings.cpu()),
        PostprocessSettings.DEFAULT, timed)) {
      ImagePreprocessor preprocessor = model.preprocessor();
      // Warm-up: one pass over all photos at batch 1 (ORT allocations, JIT, WordNet and the text
      // encoder's per-phrase cache); reported separately as the cold first pass.
      runPass(model, preprocessor, photos, encoded, 0, photos.size(), 1, rankNanos, rankCpu, cold);
      int offset = 0;
      for (int round = 0; round < rounds; round++) {
        for (int b : batchSizes) {
          runPass(model, preprocessor, photos, encoded, offset, perRound, b, rankNanos, rankCpu, results.get(b));
          offset += perRound;
        }
      }
    }

    StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
        "model %s (detector %s), %d photos cycled, %d phrases, %d round(s) x %d images per batch size, CPU EP, ORT default threads%n"
            + "machine: %d cores visible, %s; /proc/loadavg at start: %s%n",
        card.name(), card.modelFile().getFileName(), photos.size(), photos.stream().mapToInt(p -> p.phrases().size()).sum(),
        rounds, perRound, Runtime.getRuntime().availableProcessors(), cpuModel(), start));
    report.append(String.format(Locale.ROOT, "cold first pass (batch 1, %d images): %.1f ms/image, ranking %.1f ms/image%n",
        cold.images, cold.ms(cold.wall), cold.ms(cold.rank)));
    report.append(String.format(Locale.ROOT, "%5s %8s %9s | %8s %8s %8s %8s | %7s %7s %7s %7s | %8s %8s | %s%n",
        "batch", "img/s", "ms/img", "decode", "resize", "rank", "ORT", "decode%", "resize%", "rank%", "outside", "CPUms/im", "outCPU%", "loadavg 1/5/15 per pass"));
    for (Map.Entry<Integer, Stages> e : results.entrySet()) {
      Stages s = e.getValue();
      report.append(String.format(Locale.ROOT, "%5d %8.2f %9.1f | %8.1f %8.1f %8.1f %8.1f | %6.1f%% %6.1f%% %6.1f%% %6.1f%% | %8.1f %7.1f%% | %s%n",
          e.getKey(), s.images / (s.wall / 1e9), s.ms(s.wall), s.ms(s.decode), s.ms(s.resize), s.ms(s.rank), s.ms(s.ort()),
          s.share(s.decode), s.share(s.resize), s.share(s.rank), s.share(s.decode + s.resize + s.rank), s.ms(s.cpuProcess),
          100.0 * s.cpuOutside / s.cpuProcess, String.join(" ; ", s.loads)));
    }
    report.append("ms columns are wall ms per image; ORT = ground() - ranking (stacking the batch tensor, session.run,"
        + " copying the output, reading proposals); outside = decode + resize + rank, share of the wall time;"
        + " CPUms/im = process CPU per image (all threads: ORT pool, JIT, GC), outCPU% = this thread's decode + resize + rank CPU"
        + " as a share of it\n");
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "model-benchmark.txt"), report);
  }

  /** {@code count} images starting at photo {@code offset} (cycled), in batches of {@code batch}, every stage timed. */
  private static void runPass(GroundingModel model, ImagePreprocessor preprocessor, List<PhotoBenchmark.Image> photos,
      List<byte[]> encoded, int offset, int count, int batch, AtomicLong rankNanos, AtomicLong rankCpu, Stages into) throws Exception {
    String loadBefore = loadAverage();
    long passStart = System.nanoTime();
    long cpuStart = OS.getProcessCpuTime();
    long rankCpuStart = rankCpu.get();
    long outsideCpu = 0;
    for (int from = 0; from < count; from += batch) {
      List<GroundingInput> inputs = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + batch); i++) {
        int idx = (offset + i) % photos.size();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        BufferedImage decoded = ImageDecoder.decode(encoded.get(idx));
        long t1 = System.nanoTime();
        PreprocessedImage image = preprocessor.preprocess(decoded);
        long t2 = System.nanoTime();
        outsideCpu += THREADS.getCurrentThreadCpuTime() - c0;
        into.decode += t1 - t0;
        into.resize += t2 - t1;
        inputs.add(input(image, photos.get(idx)));
      }
      long rankBefore = rankNanos.get();
      long t = System.nanoTime();
      model.ground(inputs);
      into.ground += System.nanoTime() - t;
      into.rank += rankNanos.get() - rankBefore;
      into.images += inputs.size();
    }
    into.wall += System.nanoTime() - passStart;
    into.cpuProcess += OS.getProcessCpuTime() - cpuStart;
    into.cpuOutside += outsideCpu + rankCpu.get() - rankCpuStart;
    into.loads.add(loadBefore + " -> " + loadAverage());
  }

  private static GroundingInput input(PreprocessedImage image, PhotoBenchmark.Image photo) {
    List<PhraseQuery> queries = new ArrayList<>();
    for (int i = 0; i < photo.phrases().size(); i++) {
      String text = photo.phrases().get(i).text();
      queries.add(new PhraseQuery("p" + i, text, 0, text.length()));
    }
    return new GroundingInput(image, String.join(" ", photo.phrases().stream().map(PhotoBenchmark.Phrase::text).toList()),
        queries);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + "/" + f[1] + "/" + f[2];
    } catch (Exception e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }
}
