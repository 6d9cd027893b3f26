package dev.groundstream.launcher.bench;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.Timings;
import dev.groundstream.schemas.AvroClassTrust;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.schemas.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Cost per record of our serializer + deserializer (Confluent framing, registry ids cached) against
 * plain Avro binary encoding + decoding of the same GroundingResult (5 phrases x 10 boxes), both
 * equally warmed and reusing their encoders. Rounds alternate between the two so machine noise hits
 * both alike; the result is the median per-round cost of each and the median of per-round ratios.
 */
public final class SerdeBenchmark {
  public record Result(double serdeNanos, double plainNanos, double medianRatio, int bytes, int rounds, int recordsPerRound) {}

  private final SchemaRegistryClient registry;

  public SerdeBenchmark(SchemaRegistryClient registry) {
    AvroClassTrust.install();
    this.registry = registry;
  }

  public Result run(int rounds, int recordsPerRound) {
    GroundingResult record = sampleResult(5, 10);
    AvroSerializer<GroundingResult> serializer = new AvroSerializer<>(registry, false, true);
    AvroDeserializer<GroundingResult> deserializer =
        new AvroDeserializer<>(registry, GroundingResult.getClassSchema());
    PlainAvro plain = new PlainAvro();
    int bytes = serializer.serialize(Topics.RESULTS, record).length;

    // Warm-up: JIT both paths and fill the registry caches.
    for (int i = 0; i < 3; i++) {
      timeSerde(serializer, deserializer, record, recordsPerRound);
      timePlain(plain, record, recordsPerRound);
    }
    double[] serde = new double[rounds];
    double[] bare = new double[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      serde[r] = timeSerde(serializer, deserializer, record, recordsPerRound);
      bare[r] = timePlain(plain, record, recordsPerRound);
      ratios[r] = serde[r] / bare[r];
    }
    return new Result(median(serde), median(bare), median(ratios), bytes, rounds, recordsPerRound);
  }

  private static double timeSerde(AvroSerializer<GroundingResult> ser, AvroDeserializer<GroundingResult> de,
      GroundingResult record, int n) {
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      byte[] bytes = ser.serialize(Topics.RESULTS, record);
      sink += de.deserialize(Topics.RESULTS, bytes).getBatchSize();
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print("");
    }
    return (double) elapsed / n;
  }

  private static double timePlain(PlainAvro plain, GroundingResult record, int n) {
    long sink = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += plain.decode(plain.encode(record)).getBatchSize();
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print("");
    }
    return (double) elapsed / n;
  }

  /** The baseline: Avro binary without framing or registry, encoder and decoder reused. */
  private static final class PlainAvro {
    private final SpecificDatumWriter<GroundingResult> writer = new SpecificDatumWriter<>(GroundingResult.class);
    private final SpecificDatumReader<GroundingResult> reader = new SpecificDatumReader<>(GroundingResult.class);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    byte[] encode(GroundingResult record) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      encoder = EncoderFactory.get().binaryEncoder(out, encoder);
      try {
        writer.write(record, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    GroundingResult decode(byte[] bytes) {
      decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
      try {
        return reader.read(null, decoder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A realistic result: {@code phrases} phrases with {@code boxes} ranked boxes each. */
  static GroundingResult sampleResult(int phrases, int boxes) {
    Random random = new Random(7);
    List<PhraseResult> out = new ArrayList<>();
    for (int p = 0; p < phrases; p++) {
      List<Box> ranked = new ArrayList<>();
      for (int b = 0; b < boxes; b++) {
        float x = random.nextFloat() * 400;
        float y = random.nextFloat() * 300;
        ranked.add(new Box(x, y, x + 80, y + 60, 1f - b / (float) boxes));
      }
      out.add(PhraseResult.newBuilder().setPhraseId("p" + p).setText("a phrase " + p)
          .setTypes(List.of(PhraseType.people)).setBoxes(ranked).build());
    }
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    return GroundingResult.newBuilder()
        .setRequestId(UUID.nameUUIDFromBytes(new byte[] {1}))
        .setModel(new ModelRef("centernet-ranker", "1.0.0", "detector-ranker", "ab12"))
        .setRequestCreatedAt(now).setProducedAt(now).setImageWidth(640).setImageHeight(480)
        .setPhrases(out).setTimings(new Timings(1.0, 2.0, 20.0, 0.5, 24.0)).build();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
