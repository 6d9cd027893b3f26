package dev.groundstream.eval.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.eval.protocol.CategoryAccumulator;
import dev.groundstream.eval.protocol.CategoryCounts;
import dev.groundstream.eval.protocol.HitMetric;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregate store and delta repartition encodings: round trips, old versions, foreign layouts. */
class AggregateEncodingTest {
  private static final MetricAggregateSerde AGGREGATES = new MetricAggregateSerde();
  private static final EvaluationDeltaSerde DELTAS = new EvaluationDeltaSerde();

  @Test
  void aggregateRoundTripsWithEveryCountAndSeenCategory() {
    MetricAggregate aggregate = new MetricAggregate();
    aggregate.apply(EvaluationDelta.of(1, evaluation(
        phrase(true, true, 0.25f, PhraseType.people, PhraseType.clothing),
        phrase(true, false, null, PhraseType.animals),
        phrase(false, false, null, PhraseType.notvisual))));
    aggregate.apply(EvaluationDelta.of(1, evaluation(phrase(true, true, 0.75f, PhraseType.animals))));
    aggregate.apply(EvaluationDelta.of(-1, evaluation(phrase(true, true, 0.75f, PhraseType.animals))));

    MetricAggregate back = roundTrip(aggregate);

    assertEquals(aggregate.nonZeroCategories(), back.nonZeroCategories());
    assertEquals(Set.of("all", "people", "clothing", "animals"), back.seenCategories());
    CategoryCounts all = back.category("all");
    assertEquals(2, all.evaluablePhrases());
    assertEquals(1, all.hits(HitMetric.RECALL_AT_1));
    assertEquals(1, all.attentionPhrases());
    assertEquals(250_000_000L, all.attentionUnits());
  }

  @Test
  void categoryFallenBackToZeroStaysSeenAcrossTheStore() {
    MetricAggregate aggregate = new MetricAggregate();
    Evaluation scene = evaluation(phrase(true, true, null, PhraseType.scene));
    aggregate.apply(EvaluationDelta.of(1, scene));
    aggregate.apply(EvaluationDelta.of(-1, scene));

    MetricAggregate back = roundTrip(aggregate);

    assertTrue(back.nonZeroCategories().isEmpty());
    assertEquals(Set.of("all", "scene"), back.seenCategories());
  }

  @Test
  void categoryOutsideTheKnownListIsSpelledOutAndReadBack() {
    CategoryCounts counts = CategoryCounts.of(3, Map.of(HitMetric.RECALL_AT_5, 2L), 0, 0);
    CategoryAccumulator accumulator = CategoryAccumulator.of(Map.of("tenant-specific", counts));
    ByteBuffer buffer = ByteBuffer.allocate(CountsEncoding.countsSize(accumulator));
    CountsEncoding.writeCounts(buffer, accumulator);
    assertFalse(buffer.hasRemaining(), "countsSize must be exact");

    CategoryAccumulator back = CountsEncoding.readCounts(ByteBuffer.wrap(buffer.array()));

    assertEquals(counts, back.category("tenant-specific"));
  }

  @Test
  void stateWrittenByVersion1IsStillRead() throws IOException {
    MetricAggregate aggregate = new MetricAggregate();
    aggregate.apply(EvaluationDelta.of(1, evaluation(phrase(true, true, 0.5f, PhraseType.vehicles),
        phrase(true, false, null, PhraseType.other))));
    byte[] version1 = version1(aggregate);
    assertEquals(1, version1[0]);

    MetricAggregate back = AGGREGATES.deserializer().deserialize("t", version1);

    assertEquals(aggregate.nonZeroCategories(), back.nonZeroCategories());
    assertEquals(aggregate.seenCategories(), back.seenCategories());
  }

  @Test
  void layoutWithOtherMetricsIsReadByName() throws IOException {
    // Written by a hypothetical other version: two metrics, in another order, one unknown here.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(2);
    out.writeUTF("SOME_FUTURE_METRIC");
    out.writeUTF(HitMetric.RECALL_AT_10.name());
    out.writeShort(1);
    out.writeByte(0); // "all"
    out.writeLong(7); // evaluable
    out.writeLong(1); // attention phrases
    out.writeLong(5); // attention units
    out.writeLong(99); // the unknown metric: skipped
    out.writeLong(4); // recall@10
    out.flush();

    CategoryAccumulator back = CountsEncoding.readCounts(ByteBuffer.wrap(bytes.toByteArray()));

    CategoryCounts all = back.category("all");
    assertEquals(7, all.evaluablePhrases());
    assertEquals(4, all.hits(HitMetric.RECALL_AT_10));
    assertEquals(0, all.hits(HitMetric.RECALL_AT_1));
    assertEquals(5, all.attentionUnits());
  }

  @Test
  void deltaCarriesSignAndCountsOfItsEvaluation() {
    Evaluation evaluation = evaluation(phrase(true, true, null, PhraseType.instruments));
    for (int sign : new int[] {1, -1}) {
      byte[] bytes = DELTAS.serializer().serialize("t", EvaluationDelta.of(sign, evaluation));
      EvaluationDelta back = DELTAS.deserializer().deserialize("t", bytes);
      assertEquals(sign, back.sign());
      assertEquals(CategoryAccumulator.of(evaluation), back.counts());
    }
  }

  @Test
  void deltaInTheFormerFormatIsStillCounted() {
    // Sign byte then the Avro evaluation: what the repartition topic held before counts were sent.
    Evaluation evaluation = evaluation(phrase(true, false, null, PhraseType.bodyparts));
    byte[] avro = new InternalAvroSerde<>(Evaluation.class).encode(evaluation);
    byte[] legacy = new byte[avro.length + 1];
    legacy[0] = -1;
    System.arraycopy(avro, 0, legacy, 1, avro.length);

    EvaluationDelta back = DELTAS.deserializer().deserialize("t", legacy);

    assertEquals(-1, back.sign());
    assertEquals(1, back.counts().category("bodyparts").evaluablePhrases());
  }

  @Test
  void unknownDeltaMarkerIsAnErrorNotAGuess() {
    assertThrows(IllegalStateException.class, () -> DELTAS.deserializer().deserialize("t", new byte[] {9, 0}));
  }

  @Test
  void encodingIsCompactComparedWithTheNamedVersion() throws IOException {
    MetricAggregate aggregate = new MetricAggregate();
    aggregate.apply(EvaluationDelta.of(1, evaluation(phrase(true, true, null, PhraseType.people),
        phrase(true, true, null, PhraseType.clothing), phrase(true, true, null, PhraseType.scene))));
    byte[] current = AGGREGATES.serializer().serialize("t", aggregate);
    byte[] version1 = version1(aggregate);
    assertTrue(current.length < version1.length, current.length + " bytes vs " + version1.length);
    assertArrayEquals(current, AGGREGATES.serializer().serialize("t", roundTrip(aggregate)));
  }

  /** The store encoding of earlier versions (1): per category, every hit metric by name. */
  private static byte[] version1(MetricAggregate aggregate) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(1);
    Map<String, CategoryCounts> categories = aggregate.nonZeroCategories();
    out.writeInt(categories.size());
    for (var entry : categories.entrySet()) {
      CategoryCounts counts = entry.getValue();
      out.writeUTF(entry.getKey());
      out.writeLong(counts.evaluablePhrases());
      out.writeLong(counts.attentionPhrases());
      out.writeLong(counts.attentionUnits());
      out.writeInt(counts.hits().size());
      for (var hit : counts.hits().entrySet()) {
        out.writeUTF(hit.getKey().name());
        out.writeLong(hit.getValue());
      }
    }
    out.writeInt(aggregate.seenCategories().size());
    for (String category : aggregate.seenCategories()) {
      out.writeUTF(category);
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static MetricAggregate roundTrip(MetricAggregate aggregate) {
    return AGGREGATES.deserializer().deserialize("t", AGGREGATES.serializer().serialize("t", aggregate));
  }

  private static int next;

  private static PhraseEvaluation phrase(boolean evaluable, boolean hit, Float attention, PhraseType... types) {
    return PhraseEvaluation.newBuilder().setPhraseId("p" + next++).setTypes(new ArrayList<>(Arrays.asList(types)))
        .setEvaluable(evaluable).setBestIou(hit ? 0.8f : 0.1f).setHitAt1(hit).setHitAt5(hit).setHitAt10(true)
        .setHitUpperBound(true).setMergedBoxHit(hit).setPointingHit(hit).setPointingHitTolerant(hit)
        .setAttentionCorrectness(attention).setPrecisionAt1Iou(hit).setPrecisionAt1Giou(hit).setTop1Score(null)
        .build();
  }

  private static Evaluation evaluation(PhraseEvaluation... phrases) {
    return Evaluation.newBuilder().setRequestId(UUID.fromString("00000000-0000-0000-0000-00000000000a"))
        .setModel(ModelRef.newBuilder().setName("m").setVersion("1").setKind("detector-ranker").build())
        .setDataset("d").setEventTime(Instant.parse("2026-01-01T00:00:00Z"))
        .setEvaluatedAt(Instant.parse("2026-01-01T00:00:01Z")).setTruthSource("dataset")
        .setPhrases(new ArrayList<>(Arrays.asList(phrases))).build();
  }
}
