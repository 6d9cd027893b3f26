package dev.groundstream.launcher.chaos;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroSerializer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Synthetic requests with their truth, sent as ingest sends them: the truth first, then the request,
 * both with an idempotent acks=all producer whose delivery timeout rides out a broker stop. Request
 * {@code n} has a black 64x32 PNG and the phrases "a person" and "a dog". The fixture detector's
 * top boxes on it are fixed (person 4,0-28,32; dog 36,0-60,16: FakeDetectorExpectations), so the
 * truth makes hits and misses: the person is boxed there for even n and over the whole image for
 * odd n; the dog has no box (not evaluable) for n % 3 == 0, its own box for 1 and a corner for 2.
 */
final class TruthfulTraffic implements AutoCloseable {
  static final String DATASET = "chaos/pipeline";
  private static final int WIDTH = 64;
  private static final int HEIGHT = 32;

  private final KafkaProducer<byte[], byte[]> producer;
  private final AvroSerializer<RequestKey> keys;
  private final AvroSerializer<GroundingRequest> requests;
  private final AvroSerializer<GroundTruth> truths;
  private final ImageRef image = grayPng();
  private final Instant createdAt = Instant.now();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  TruthfulTraffic(KafkaConnection kafka, RegistryConnection registry) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    var client = SchemaRegistryClients.shared(registry);
    keys = new AvroSerializer<>(client, true, true);
    requests = new AvroSerializer<>(client, false, true);
    truths = new AvroSerializer<>(client, false, true);
  }

  static UUID id(int n) {
    return UUID.nameUUIDFromBytes(("pipeline-chaos-" + n).getBytes());
  }

  /** Sends request {@code n} and its truth without waiting; a failed send shows in {@link #failure}. */
  void send(int n) {
    UUID id = id(n);
    byte[] key = keys.serialize(Topics.REQUESTS, new RequestKey(id));
    producer.send(new ProducerRecord<>(Topics.TRUTH, key, truths.serialize(Topics.TRUTH, truth(id, n))), this::onSent);
    producer.send(new ProducerRecord<>(Topics.REQUESTS, key, requests.serialize(Topics.REQUESTS, request(id))),
        this::onSent);
  }

  private void onSent(Object metadata, Exception error) {
    if (error != null) {
      failure.compareAndSet(null, error);
    }
  }

  /** Waits until every send so far is acknowledged. */
  void flush() {
    producer.flush();
  }

  Exception failure() {
    return failure.get();
  }

  private GroundingRequest request(UUID id) {
    return GroundingRequest.newBuilder()
        .setRequestId(id).setCreatedAt(createdAt).setDataset(DATASET).setSource("pipeline-chaos-test")
        .setImage(image).setCaption("a person and a dog")
        .setPhrases(List.of(
            Phrase.newBuilder().setPhraseId("p0").setText("a person").setCharStart(0).setCharEnd(8)
                .setTypes(List.of(PhraseType.people)).build(),
            Phrase.newBuilder().setPhraseId("p1").setText("a dog").setCharStart(13).setCharEnd(18)
                .setTypes(List.of(PhraseType.animals)).build()))
        .build();
  }

  private GroundTruth truth(UUID id, int n) {
    Box person = n % 2 == 0 ? box(4, 0, 28, HEIGHT) : box(0, 0, WIDTH, HEIGHT);
    List<Box> dog = switch (n % 3) {
      case 0 -> List.of();
      case 1 -> List.of(box(36, 0, 60, 16));
      default -> List.of(box(0, 0, 8, 8));
    };
    return GroundTruth.newBuilder()
        .setRequestId(id).setDataset(DATASET).setSource("dataset").setLabeledAt(createdAt)
        .setImageWidth(WIDTH).setImageHeight(HEIGHT)
        .setPhrases(List.of(
            PhraseTruth.newBuilder().setPhraseId("p0").setTypes(List.of(PhraseType.people))
                .setBoxes(List.of(person)).build(),
            PhraseTruth.newBuilder().setPhraseId("p1").setTypes(List.of(PhraseType.animals))
                .setBoxes(dog).setNoBox(dog.isEmpty()).build()))
        .build();
  }

  /** Evaluable phrases per category of requests 0..total-1, from the truth alone. */
  static Map<String, Long> evaluablePhrases(int total) {
    long dogs = java.util.stream.IntStream.range(0, total).filter(n -> n % 3 != 0).count();
    return Map.of("all", total + dogs, "people", (long) total, "animals", dogs);
  }

  private static Box box(float x1, float y1, float x2, float y2) {
    return Box.newBuilder().setX1(x1).setY1(y1).setX2(x2).setY2(y2).build();
  }

  private static ImageRef grayPng() {
    try {
      BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      byte[] bytes = out.toByteArray();
      return ImageRef.newBuilder().setInline(ByteBuffer.wrap(bytes))
          .setSha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
          .setContentType("image/png").setWidth(WIDTH).setHeight(HEIGHT).setSizeBytes(bytes.length).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
