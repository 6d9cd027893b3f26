package dev.groundstream.eval.bench;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.avro.Timings;
import dev.groundstream.eval.streams.EvalSerdes;
import dev.groundstream.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Generated results and truths (objects for the evaluator, registry-framed bytes for Kafka). */
record BenchInputs(List<GroundingResult> results, List<GroundTruth> truths, List<byte[]> keyBytes,
    List<byte[]> resultBytes, List<byte[]> truthBytes, List<Long> eventTimes) {

  private static final ModelRef MODEL = ModelRef.newBuilder().setName("bench").setVersion("1")
      .setKind("detector-ranker").build();
  private static final PhraseType[] TYPES = PhraseType.values();

  int size() {
    return keyBytes.size();
  }

  static BenchInputs generate(int requests, int phrases, int boxes, Random random, EvalSerdes serdes, Instant base) {
    BenchInputs in = new BenchInputs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < requests; r++) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      // Spread over 50 s: several tumbling windows, yet within the 1-minute grace, so no partition
      // processing order drops a record from a window (that would also log a warning per record).
      Instant createdAt = base.plusMillis(r * 50_000L / requests);
      List<PhraseResult> predicted = new ArrayList<>();
      List<PhraseTruth> truth = new ArrayList<>();
      for (int p = 0; p < phrases; p++) {
        String phraseId = "p" + p;
        PhraseType type = TYPES[random.nextInt(8)]; // the eight Flickr30k types (notvisual last)
        List<Box> truthBoxes = new ArrayList<>();
        for (int b = 0, n = 1 + random.nextInt(2); b < n; b++) {
          truthBoxes.add(randomBox(random, null));
        }
        truth.add(PhraseTruth.newBuilder().setPhraseId(phraseId).setTypes(List.of(type)).setBoxes(truthBoxes)
            .build());
        List<Box> ranked = new ArrayList<>();
        for (int b = 0; b < boxes; b++) {
          ranked.add(random.nextInt(3) == 0 ? jitter(truthBoxes.get(0), random, 1f - b * 0.05f)
              : randomBox(random, 1f - b * 0.05f - 0.01f));
        }
        predicted.add(PhraseResult.newBuilder().setPhraseId(phraseId).setText("phrase " + p)
            .setTypes(List.of(type)).setBoxes(ranked).build());
      }
      GroundingResult result = GroundingResult.newBuilder().setRequestId(id).setModel(MODEL)
          .setDataset("bench").setRequestCreatedAt(createdAt).setProducedAt(createdAt.plusMillis(50))
          .setImageWidth(500).setImageHeight(400).setPhrases(predicted)
          .setTimings(Timings.newBuilder().setTotalMs(20 + random.nextInt(50)).build()).build();
      GroundTruth groundTruth = GroundTruth.newBuilder().setRequestId(id).setDataset("bench")
          .setLabeledAt(createdAt).setImageWidth(500).setImageHeight(400).setPhrases(truth).build();
      in.results.add(result);
      in.truths.add(groundTruth);
      in.eventTimes.add(createdAt.toEpochMilli());
      in.keyBytes.add(serdes.requestKey().serializer().serialize(Topics.RESULTS, new RequestKey(id)));
      in.resultBytes.add(serdes.result().serializer().serialize(Topics.RESULTS, result));
      in.truthBytes.add(serdes.truth().serializer().serialize(Topics.TRUTH, groundTruth));
    }
    return in;
  }

  private static Box randomBox(Random random, Float score) {
    float x1 = random.nextInt(400);
    float y1 = random.nextInt(300);
    return Box.newBuilder().setX1(x1).setY1(y1).setX2(x1 + 10 + random.nextInt(90)).setY2(y1 + 10 + random.nextInt(90))
        .setScore(score).build();
  }

  private static Box jitter(Box truth, Random random, float score) {
    return Box.newBuilder().setX1(truth.getX1() + random.nextInt(10)).setY1(truth.getY1() + random.nextInt(10))
        .setX2(truth.getX2() + random.nextInt(10)).setY2(truth.getY2() + random.nextInt(10)).setScore(score).build();
  }
}
