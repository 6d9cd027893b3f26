package dev.groundstream.eval.testing;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.Timings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small hand-made results and truths whose evaluation is obvious: boxes either match or not. */
public final class EvalRecords {
  public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  public static final String DATASET = "flickr30k-entities/test";
  /** The truth box of every phrase; predicting it exactly is a hit, {@link #MISS} is a miss. */
  public static final float[] TARGET = {0, 0, 100, 100};
  public static final float[] MISS = {200, 200, 300, 300};

  private EvalRecords() {}

  public static UUID id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  public static ModelRef model(String name, String version) {
    return ModelRef.newBuilder().setName(name).setVersion(version).setKind("detector-ranker").build();
  }

  public static GroundingResult result(UUID id, ModelRef model, Instant createdAt, double totalMs,
      PhraseResult... phrases) {
    return GroundingResult.newBuilder()
        .setRequestId(id).setModel(model).setDataset(DATASET)
        .setRequestCreatedAt(createdAt).setProducedAt(createdAt.plusSeconds(1))
        .setImageWidth(500).setImageHeight(400)
        .setPhrases(List.of(phrases))
        .setTimings(Timings.newBuilder().setTotalMs(totalMs).build())
        .build();
  }

  /** A phrase prediction whose single box is {@code box} with {@code score}. */
  public static PhraseResult predicted(String phraseId, float[] box, float score, PhraseType type) {
    return PhraseResult.newBuilder().setPhraseId(phraseId).setText(phraseId).setTypes(List.of(type))
        .setBoxes(List.of(box(box, score))).build();
  }

  public static GroundTruth truth(UUID id, PhraseTruth... phrases) {
    return GroundTruth.newBuilder().setRequestId(id).setDataset(DATASET).setLabeledAt(T0)
        .setImageWidth(500).setImageHeight(400).setPhrases(List.of(phrases)).build();
  }

  public static PhraseTruth truthPhrase(String phraseId, PhraseType type, float[] box) {
    return PhraseTruth.newBuilder().setPhraseId(phraseId).setTypes(List.of(type))
        .setBoxes(List.of(box(box, null))).build();
  }

  public static Box box(float[] b, Float score) {
    return Box.newBuilder().setX1(b[0]).setY1(b[1]).setX2(b[2]).setY2(b[3]).setScore(score).build();
  }
}
