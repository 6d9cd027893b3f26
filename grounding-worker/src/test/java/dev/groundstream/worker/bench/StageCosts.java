package dev.groundstream.worker.bench;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.Phrase;
import dev.groundstream.images.ImageBudget;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.worker.ImageSource;
import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.ImageDecoder;
import dev.groundstream.worker.model.ImagePreprocessor;
import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.model.Proposal;
import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.model.PreprocessedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Where a request's CPU goes, stage by stage, on this thread (CPU time, not wall time: the
 * machine may be shared): decode, resize + normalise, the model's {@code ground()} (session.run
 * plus batch tensor, output reading and ranking) and the Avro work of one request (request decode,
 * result encode). Each stage is run over all photos {@code rounds} times; the pipeline's CPU per
 * request minus these is the Kafka side (consume, produce, transactions, the in-JVM broker).
 */
final class StageCosts {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU ms per request of each stage; {@code groundMs} is process CPU (ORT runs on its own threads). */
  record Costs(double loadMs, double decodeMs, double preprocessMs, double groundMs, double rankMs, double avroMs) {}

  /** The card's ranker, timing its own thread's CPU inside every call. */
  static final class TimedRanker implements PhraseRanker {
    private final PhraseRanker ranker;
    long cpuNanos;

    TimedRanker(PhraseRanker ranker) {
      this.ranker = ranker;
    }

    @Override
    public List<ScoredBox> rank(PhraseQuery phrase, List<Proposal> proposals, int imageWidth, int imageHeight) {
      long t = THREADS.getCurrentThreadCpuTime();
      try {
        return ranker.rank(phrase, proposals, imageWidth, imageHeight);
      } finally {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - t;
      }
    }

    @Override
    public List<List<ScoredBox>> rankImage(GroundingInput input, List<Proposal> proposals) throws Exception {
      long t = THREADS.getCurrentThreadCpuTime();
      try {
        return ranker.rankImage(input, proposals);
      } finally {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - t;
      }
    }
  }

  private StageCosts() {}

  static Costs measure(List<byte[]> encoded, ImagePreprocessor preprocessor, GroundingModel model, TimedRanker ranker,
      int batch,
      List<GroundingRequest> requests, List<GroundingResult> results, SchemaRegistryClient registry,
      ImageSource source, int rounds) throws Exception {
    long l0 = THREADS.getCurrentThreadCpuTime();
    long bytes = 0;
    for (int r = 0; r < rounds; r++) {
      for (GroundingRequest q : requests) {
        bytes += source.bytes(q.getImage()).length;
      }
    }
    double loadMs = (THREADS.getCurrentThreadCpuTime() - l0) / 1e6 / (rounds * requests.size());
    if (bytes == 0) {
      throw new IllegalStateException("no image bytes read");
    }
    int w = preprocessor.spec().width();
    int h = preprocessor.spec().height();
    List<ImageDecoder.Decoded> decoded = new ArrayList<>();
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int r = 0; r < rounds; r++) {
      decoded.clear();
      for (byte[] e : encoded) {
        decoded.add(ImageDecoder.decode(e, ImageBudget.DEFAULT, w, h));
      }
    }
    double decodeMs = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / (rounds * encoded.size());

    List<PreprocessedImage> images = new ArrayList<>();
    t0 = THREADS.getCurrentThreadCpuTime();
    for (int r = 0; r < rounds; r++) {
      images.clear();
      for (ImageDecoder.Decoded d : decoded) {
        images.add(preprocessor.preprocess(d));
      }
    }
    double preprocessMs = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / (rounds * encoded.size());

    List<PhraseQuery> phrases = new ArrayList<>();
    for (Phrase p : requests.get(0).getPhrases()) {
      phrases.add(new PhraseQuery(p.getPhraseId(), p.getText(), p.getCharStart(), p.getCharEnd()));
    }
    String caption = requests.get(0).getCaption().toString();
    List<GroundingInput> inputs = images.stream().map(i -> new GroundingInput(i, caption, phrases)).toList();
    model.ground(inputs.subList(0, Math.min(batch, inputs.size()))); // warm
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long p0 = os.getProcessCpuTime();
    long r0 = ranker == null ? 0 : ranker.cpuNanos;
    int grounded = 0;
    for (int r = 0; r < rounds; r++) {
      for (int from = 0; from < inputs.size(); from += batch) {
        List<GroundingInput> chunk = inputs.subList(from, Math.min(inputs.size(), from + batch));
        model.ground(chunk);
        grounded += chunk.size();
      }
    }
    double groundMs = (os.getProcessCpuTime() - p0) / 1e6 / grounded;
    double rankMs = ranker == null ? Double.NaN : (ranker.cpuNanos - r0) / 1e6 / grounded;

    Serializer<GroundingRequest> requestSerializer = Topics.REQUESTS_SPEC.valueSerializer(registry, true);
    Deserializer<GroundingRequest> requestDeserializer = Topics.REQUESTS_SPEC.valueDeserializer(registry);
    Serializer<GroundingResult> resultSerializer = Topics.RESULTS_SPEC.valueSerializer(registry, true);
    List<byte[]> wire = new ArrayList<>();
    for (GroundingRequest q : requests) {
      wire.add(requestSerializer.serialize(Topics.REQUESTS, q));
    }
    resultSerializer.serialize(Topics.RESULTS, results.get(0)); // registers the schema once
    int n = Math.min(wire.size(), results.size());
    long sink = 0;
    t0 = THREADS.getCurrentThreadCpuTime();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        sink += requestDeserializer.deserialize(Topics.REQUESTS, wire.get(i)).getPhrases().size();
        sink += resultSerializer.serialize(Topics.RESULTS, results.get(i)).length;
      }
    }
    double avroMs = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / (rounds * Math.max(1, n));
    if (sink == 0) {
      throw new IllegalStateException("nothing was serialised");
    }
    return new Costs(loadMs, decodeMs, preprocessMs, groundMs, rankMs, avroMs);
  }

  /** The breakdown table: each stage's CPU ms per request, the Kafka side as the remainder. */
  static String table(Costs c, double bareRunMs, double pipelineMs) {
    // the ranker timed inside ground() (detector-ranker cards); else ground() minus the bare run
    double rankMs = Double.isNaN(c.rankMs()) ? Math.max(0, c.groundMs() - bareRunMs) : c.rankMs();
    double known = c.loadMs() + c.decodeMs() + c.preprocessMs() + bareRunMs + rankMs + c.avroMs();
    return String.format(Locale.ROOT, """
        where the CPU of one request goes (ms CPU per request; stages measured alone on the same photos):
          load image (file read + sha256 check)            %7.2f
          decode (ImageIO, subsampled to the input scale) %7.1f
          resize + normalise                               %7.1f
          session.run (bare, from the bare phase)          %7.1f
          ranker (its thread's CPU inside ground())        %7.2f   (ground() as a whole: %.1f, process CPU)
          Avro (request decode + result encode)            %7.2f
          Kafka: consume, produce, transactions, broker    %7.1f   (pipeline %.1f minus the above)
        """, c.loadMs(), c.decodeMs(), c.preprocessMs(), bareRunMs, rankMs, c.groundMs(), c.avroMs(),
        pipelineMs - known, pipelineMs);
  }
}
