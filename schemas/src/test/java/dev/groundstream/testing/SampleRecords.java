package dev.groundstream.testing;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.Box;
import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.Heatmap;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.IngestAccepted;
import dev.groundstream.avro.MetricKey;
import dev.groundstream.avro.ModelKey;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.Point;
import dev.groundstream.avro.QualityAlert;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.avro.Timings;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** Fully populated example records of every topic, deterministic for a given seed. */
public final class SampleRecords {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private SampleRecords() {}

  public static UUID requestId(int n) {
    return UUID.nameUUIDFromBytes(("request-" + n).getBytes());
  }

  public static ModelRef model() {
    return ModelRef.newBuilder().setName("centernet-ranker").setVersion("1.0.0")
        .setKind("detector-ranker").setDigest("ab12").build();
  }

  public static GroundingRequest request(int n) {
    String caption = "A man in a red shirt plays a guitar";
    return GroundingRequest.newBuilder()
        .setRequestId(requestId(n))
        .setCreatedAt(T0.plusSeconds(n))
        .setDataset("flickr30k-entities/test")
        .setImage(ImageRef.newBuilder().setInline(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2}))
            .setSha256("00ff").setWidth(500).setHeight(375).setSizeBytes(4).build())
        .setCaption(caption)
        .setPhrases(List.of(
            Phrase.newBuilder().setPhraseId("p0").setText("A man").setCharStart(0).setCharEnd(5)
                .setTypes(List.of(PhraseType.people)).setEntityId("12").build(),
            Phrase.newBuilder().setPhraseId("p1").setText("a red shirt").setCharStart(9).setCharEnd(20)
                .setTypes(List.of(PhraseType.clothing)).build(),
            Phrase.newBuilder().setPhraseId("p2").setText("a guitar").setCharStart(27).setCharEnd(35)
                .setTypes(List.of(PhraseType.instruments)).build()))
        .setAttributes(Map.of("uploader", "test"))
        .build();
  }

  public static GroundTruth truth(int n) {
    return GroundTruth.newBuilder()
        .setRequestId(requestId(n))
        .setDataset("flickr30k-entities/test")
        .setLabeledAt(T0)
        .setImageWidth(500).setImageHeight(375)
        .setPhrases(List.of(
            PhraseTruth.newBuilder().setPhraseId("p0").setEntityId("12")
                .setTypes(List.of(PhraseType.people)).setBoxes(List.of(box(10, 20, 200, 370, null))).build(),
            PhraseTruth.newBuilder().setPhraseId("p1").setTypes(List.of(PhraseType.clothing))
                .setNoBox(true).build()))
        .build();
  }

  /** A result with {@code phrases} phrases of {@code boxesPerPhrase} boxes each. */
  public static GroundingResult result(int n, int phrases, int boxesPerPhrase) {
    Random random = new Random(n);
    List<PhraseResult> out = new ArrayList<>();
    for (int p = 0; p < phrases; p++) {
      List<Box> boxes = new ArrayList<>();
      for (int b = 0; b < boxesPerPhrase; b++) {
        float x = random.nextFloat() * 400;
        float y = random.nextFloat() * 300;
        boxes.add(box(x, y, x + 50 + random.nextFloat() * 50, y + 40, 1f - b * 0.05f));
      }
      out.add(PhraseResult.newBuilder().setPhraseId("p" + p).setText("phrase " + p)
          .setTypes(List.of(PhraseType.people)).setBoxes(boxes)
          .setPoint(p == 0 ? Point.newBuilder().setX(10).setY(20).build() : null)
          .setHeatmap(p == 0 ? Heatmap.newBuilder().setWidth(2).setHeight(1).setValues(List.of(0.25f, 0.75f)).build() : null)
          .build());
    }
    return GroundingResult.newBuilder()
        .setRequestId(requestId(n))
        .setModel(model())
        .setDataset("flickr30k-entities/test")
        .setRequestCreatedAt(T0.plusSeconds(n))
        .setProducedAt(T0.plusSeconds(n + 1))
        .setImageWidth(500).setImageHeight(375)
        .setPhrases(out)
        .setTimings(Timings.newBuilder().setQueueMs(1.5).setPreprocessMs(3).setInferenceMs(20)
            .setPostprocessMs(0.5).setTotalMs(25).build())
        .setDevice("cpu").setBatchSize(4)
        .build();
  }

  public static Evaluation evaluation(int n) {
    return Evaluation.newBuilder()
        .setRequestId(requestId(n)).setModel(model()).setDataset("flickr30k-entities/test")
        .setEventTime(T0).setEvaluatedAt(T0.plusSeconds(2))
        .setPhrases(List.of(PhraseEvaluation.newBuilder().setPhraseId("p0")
            .setTypes(List.of(PhraseType.people)).setEvaluable(true).setBestIou(0.7f)
            .setHitAt1(true).setHitAt5(true).setHitAt10(true).setHitUpperBound(true)
            .setMergedBoxHit(true).setPointingHit(true).setAttentionCorrectness(0.4f)
            .setPrecisionAt1Iou(true).setPrecisionAt1Giou(true).setTop1Score(0.9f).build()))
        .build();
  }

  public static AccuracySnapshot snapshot() {
    return AccuracySnapshot.newBuilder().setModel("centernet-ranker:1.0.0")
        .setDataset("flickr30k-entities/test").setCategory("people").setWindow("tumbling-1m")
        .setWindowStart(T0).setWindowEnd(T0.plus(1, ChronoUnit.MINUTES))
        .setEvaluablePhrases(10).setHitsAt1(4).setRecallAt1(0.4).setUpdatedAt(T0).build();
  }

  public static QualityAlert alert() {
    return QualityAlert.newBuilder().setAlertId(requestId(99)).setModel("centernet-ranker:1.0.0")
        .setDataset("live").setCategory("all").setSignal("recallAt1").setWindowStart(T0)
        .setWindowEnd(T0.plusSeconds(60)).setObserved(0.2).setThreshold(0.3).setBaseline(0.45)
        .setMessage("recall@1 0.20 below floor 0.30").setRaisedAt(T0).build();
  }

  public static DeadLetter deadLetter() {
    return DeadLetter.newBuilder().setStage("worker").setSourceTopic("grounding.requests")
        .setSourcePartition(3).setSourceOffset(17L).setErrorClass("java.io.IOException")
        .setMessage("not a JPEG").setOriginalValue(ByteBuffer.wrap(new byte[] {1, 2, 3}))
        .setFailedAt(T0).build();
  }

  /** One populated instance of every key and value record of every topic. */
  public static List<SpecificRecord> everyTopicRecord() {
    return List.of(
        new RequestKey(requestId(1)), request(1), truth(1), result(1, 3, 4),
        new EvaluationKey(requestId(1), "centernet-ranker:1.0.0"), evaluation(1),
        new MetricKey("centernet-ranker:1.0.0", "live", "all", "all-time", Instant.EPOCH), snapshot(),
        new ModelKey("centernet-ranker:1.0.0"), alert(),
        new DeadLetterKey(ByteBuffer.wrap(new byte[] {9})), deadLetter(), ingestAccepted(1));
  }

  /** The ingest index record of request n: the request without inline bytes, with its truth. */
  public static IngestAccepted ingestAccepted(int n) {
    GroundingRequest request = request(n);
    request.setImage(ImageRef.newBuilder(request.getImage()).setInline(null).setUri("blob:sha256/00ff").build());
    return IngestAccepted.newBuilder().setRequestId(requestId(n)).setTenant("acme").setAcceptedAt(T0.plusSeconds(n))
        .setRequestPartition(2).setRequestOffset(40L + n).setRequest(request).setTruth(truth(n)).build();
  }

  private static Box box(float x1, float y1, float x2, float y2, Float score) {
    return Box.newBuilder().setX1(x1).setY1(y1).setX2(x2).setY2(y2).setScore(score).build();
  }
}
