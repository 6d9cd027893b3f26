package dev.groundstream.launcher.compare;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.avro.Timings;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Truth and two models' results with a known pattern of hits, produced with the real serdes as
 * ingest and the worker do. Every request has a people phrase, a clothing phrase and a box-less
 * (not evaluable) scene phrase; model A hits people unless i % 4 == 0 and clothing when i is even;
 * model B hits people unless i % 10 == 0 and clothing when i % 3 == 0, and grounds only the first
 * {@code bRequests} requests.
 */
final class KnownEvaluations {
  static final String DATASET = "compare-test";
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final float[] TARGET = {0, 0, 100, 100};
  private static final float[] MISS = {200, 200, 300, 300};

  private KnownEvaluations() {
  }

  static ModelRef model(String name, String version) {
    return ModelRef.newBuilder().setName(name).setVersion(version).setKind("detector-ranker").build();
  }

  static UUID id(String run, int i) {
    return UUID.nameUUIDFromBytes((run + "-" + i).getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static void produce(String bootstrap, RegistryConnection registry, String run, ModelRef a, ModelRef b,
      int requests, int bRequests) {
    AvroSerde<RequestKey> keys = AvroSerde.of(registry, RequestKey.class, true);
    AvroSerde<GroundingResult> results = AvroSerde.of(registry, GroundingResult.class, false);
    AvroSerde<GroundTruth> truths = AvroSerde.of(registry, GroundTruth.class, false);
    Serializer<Object> values = (topic, value) -> value instanceof GroundingResult r
        ? results.serializer().serialize(topic, r) : truths.serializer().serialize(topic, (GroundTruth) value);
    try (KafkaProducer<RequestKey, Object> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        keys.serializer(), values)) {
      for (int i = 0; i < requests; i++) {
        UUID id = id(run, i);
        RequestKey key = new RequestKey(id);
        producer.send(new ProducerRecord<>(Topics.TRUTH, key, truth(id)));
        producer.send(new ProducerRecord<>(Topics.RESULTS, key, result(id, a, i, i % 4 != 0, i % 2 == 0)));
        if (i < bRequests) {
          producer.send(new ProducerRecord<>(Topics.RESULTS, key, result(id, b, i, i % 10 != 0, i % 3 == 0)));
        }
      }
      producer.flush();
    }
  }

  private static GroundTruth truth(UUID id) {
    return GroundTruth.newBuilder().setRequestId(id).setDataset(DATASET).setLabeledAt(T0)
        .setImageWidth(500).setImageHeight(400).setPhrases(List.of(
            truthPhrase("p0", PhraseType.people, List.of(box(TARGET, null))),
            truthPhrase("p1", PhraseType.clothing, List.of(box(TARGET, null))),
            truthPhrase("p2", PhraseType.scene, List.of())))
        .build();
  }

  private static PhraseTruth truthPhrase(String id, PhraseType type, List<Box> boxes) {
    return PhraseTruth.newBuilder().setPhraseId(id).setTypes(List.of(type)).setBoxes(new ArrayList<>(boxes)).build();
  }

  private static GroundingResult result(UUID id, ModelRef model, int i, boolean peopleHit, boolean clothingHit) {
    Instant createdAt = T0.plusSeconds(i);
    return GroundingResult.newBuilder().setRequestId(id).setModel(model).setDataset(DATASET)
        .setRequestCreatedAt(createdAt).setProducedAt(createdAt.plusSeconds(1))
        .setImageWidth(500).setImageHeight(400)
        .setPhrases(List.of(predicted("p0", peopleHit, PhraseType.people),
            predicted("p1", clothingHit, PhraseType.clothing), predicted("p2", true, PhraseType.scene)))
        .setTimings(Timings.newBuilder().setTotalMs(20).build())
        .build();
  }

  private static PhraseResult predicted(String id, boolean hit, PhraseType type) {
    return PhraseResult.newBuilder().setPhraseId(id).setText(id).setTypes(List.of(type))
        .setBoxes(List.of(box(hit ? TARGET : MISS, 0.9f))).build();
  }

  private static Box box(float[] b, Float score) {
    return Box.newBuilder().setX1(b[0]).setY1(b[1]).setX2(b[2]).setY2(b[3]).setScore(score).build();
  }
}
