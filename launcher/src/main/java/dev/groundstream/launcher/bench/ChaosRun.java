package dev.groundstream.launcher.bench;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.schemas.serde.AvroSerializer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code groundstream bench chaos}: streams synthetic requests (small inline PNGs, dataset
 * {@code bench/chaos}, ids unique to the run) to grounding.requests of the user's cluster with an
 * idempotent acks=all producer, then reads grounding.results read_committed from the run's start
 * until every accepted request has a result (or the wait ends) and on to the end offsets, so extra
 * results show up too. Broker restarts or worker kills during the run are the user's: the counts
 * say whether exactly-once held.
 */
public final class ChaosRun {
  public static final String DATASET = "bench/chaos";
  private final KafkaConnection kafka;
  private final RegistryConnection registry;
  private final PrintStream log;

  public ChaosRun(KafkaConnection kafka, RegistryConnection registry, PrintStream log) {
    this.kafka = kafka;
    this.registry = registry;
    this.log = log;
  }

  public ChaosTally.Report run(int requests, Duration wait) throws Exception {
    SchemaRegistryClient client = SchemaRegistryClients.shared(registry);
    ChaosTally tally = new ChaosTally();
    long startMillis = System.currentTimeMillis();
    String run = Long.toString(startMillis);
    ImageRef image = grayPng(64, 32);
    Map<String, Object> props = kafka.clientProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    AvroSerializer<RequestKey> keys = new AvroSerializer<>(client, true, registry.autoRegister());
    AvroSerializer<GroundingRequest> values = new AvroSerializer<>(client, false, registry.autoRegister());
    try (KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < requests; i++) {
        UUID id = UUID.nameUUIDFromBytes(("chaos-" + run + "-" + i).getBytes());
        GroundingRequest request = request(id, image);
        tally.sent();
        producer.send(new ProducerRecord<>(Topics.REQUESTS, keys.serialize(Topics.REQUESTS, new RequestKey(id)),
            values.serialize(Topics.REQUESTS, request)), (metadata, error) -> {
              if (error == null) {
                tally.accepted(id.toString());
              } else {
                log.println("not accepted: " + id + ": " + error);
              }
            });
      }
      producer.flush();
    }
    log.printf("sent %d, accepted %d; reading %s read_committed%n", tally.report().sent(), tally.report().accepted(),
        Topics.RESULTS);
    readResults(client, tally, startMillis - 60_000, wait);
    return tally.report();
  }

  private void readResults(SchemaRegistryClient client, ChaosTally tally, long fromMillis, Duration wait) {
    AvroDeserializer<GroundingResult> results = new AvroDeserializer<>(client, GroundingResult.getClassSchema());
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.RESULTS).stream()
          .map(p -> new TopicPartition(Topics.RESULTS, p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(
          partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> fromMillis)));
      for (TopicPartition tp : partitions) {
        OffsetAndTimestamp at = starts.get(tp);
        if (at == null) {
          consumer.seekToEnd(List.of(tp));
        } else {
          consumer.seek(tp, at.offset());
        }
      }
      long deadline = System.nanoTime() + wait.toNanos();
      while (!tally.complete() && System.nanoTime() < deadline) {
        poll(consumer, results, tally);
      }
      // on to the end, so that results beyond the first for a request are counted too
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
          && System.nanoTime() < deadline + Duration.ofSeconds(30).toNanos()) {
        poll(consumer, results, tally);
      }
    }
  }

  private static void poll(KafkaConsumer<byte[], byte[]> consumer, AvroDeserializer<GroundingResult> results,
      ChaosTally tally) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      GroundingResult result = results.deserialize(Topics.RESULTS, r.value());
      if (result != null && DATASET.equals(result.getDataset())) {
        tally.result(result.getRequestId().toString(),
            result.getModel().getName() + ":" + result.getModel().getVersion());
      }
    }
  }

  static GroundingRequest request(UUID id, ImageRef image) {
    String caption = "a person and a dog";
    return GroundingRequest.newBuilder()
        .setRequestId(id).setCreatedAt(Instant.now()).setDataset(DATASET).setSource("bench-chaos")
        .setImage(image).setCaption(caption)
        .setPhrases(List.of(
            Phrase.newBuilder().setPhraseId("p0").setText("a person").setCharStart(0).setCharEnd(8)
                .setTypes(List.of(PhraseType.people)).build(),
            Phrase.newBuilder().setPhraseId("p1").setText("a dog").setCharStart(13).setCharEnd(18)
                .setTypes(List.of(PhraseType.animals)).build()))
        .build();
  }

  static ImageRef grayPng(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    byte[] bytes = out.toByteArray();
    String sha;
    try {
      sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return ImageRef.newBuilder().setInline(ByteBuffer.wrap(bytes)).setSha256(sha).setContentType("image/png")
        .setWidth(width).setHeight(height).setSizeBytes(bytes.length).build();
  }
}
