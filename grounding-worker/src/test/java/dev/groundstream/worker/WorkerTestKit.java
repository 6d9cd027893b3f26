package dev.groundstream.worker;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.TopicCreator;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.schemas.serde.AvroSerializer;
import dev.groundstream.testing.KafkaTestCluster;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;

/** A real in-process broker + our schema registry with the topics created, and request/result helpers. */
public final class WorkerTestKit implements AutoCloseable {
  public static final String CAPTION = "a person and a dog";

  private final String bootstrap;
  private final AutoCloseable kafka;
  private SchemaRegistryServer registry;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AvroSerializer<RequestKey> keys;
  private final AvroSerializer<GroundingRequest> values;

  private WorkerTestKit(String bootstrap, AutoCloseable kafka, SchemaRegistryServer registry) {
    this.bootstrap = bootstrap;
    this.kafka = kafka;
    this.registry = registry;
    this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new ByteArraySerializer(), new ByteArraySerializer());
    var client = SchemaRegistryClients.shared(registryConnection());
    this.keys = new AvroSerializer<>(client, true, true);
    this.values = new AvroSerializer<>(client, false, true);
  }

  public static WorkerTestKit start() throws Exception {
    KafkaTestCluster kafka = KafkaTestCluster.start();
    SchemaRegistryServer registry =
        SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()));
    try (Admin admin = kafka.admin()) {
      TopicCreator.createMissing(admin, Topics.ALL);
    }
    return new WorkerTestKit(kafka.bootstrapServers(), kafka, registry);
  }

  /** The kit on a multi-broker cluster (closed with the kit): topics get the cluster's replication. */
  public static WorkerTestKit on(dev.groundstream.testing.MultiBrokerCluster cluster) throws Exception {
    SchemaRegistryServer registry =
        SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(cluster.bootstrapServers()));
    try (Admin admin = cluster.admin()) {
      TopicCreator.createMissing(admin, Topics.ALL);
    }
    return new WorkerTestKit(cluster.bootstrapServers(), cluster, registry);
  }

  /** The multi-broker cluster the kit runs on ({@link #on}). */
  public dev.groundstream.testing.MultiBrokerCluster multiBroker() {
    return (dev.groundstream.testing.MultiBrokerCluster) kafka;
  }

  /** Stops the schema registry (its schemas stay in Kafka); {@link #restartRegistry} brings it back. */
  public synchronized void stopRegistry() {
    registry.close();
  }

  /** Starts the registry again on the same port, on the schemas it stored in Kafka. */
  public synchronized void restartRegistry() {
    registry = SchemaRegistryServer.start(new SchemaRegistryServerConfig(
        Map.of("bootstrap.servers", bootstrap), null, null, java.net.URI.create(registry.url()).getPort()));
  }

  public KafkaConnection kafkaConnection() {
    return KafkaConnection.of(bootstrap);
  }

  public RegistryConnection registryConnection() {
    return RegistryConnection.of(registry.url());
  }

  /** Worker settings for a committed test model: small batches, no HTTP port unless asked. */
  public WorkerConfig config(String model) {
    return WorkerConfig.defaults(kafkaConnection(), registryConnection(), TestFixtures.model(model))
        .withBatching(8, Duration.ofMillis(20), 32).withHttpPort(-1);
  }

  public RecordMetadata send(GroundingRequest request) throws Exception {
    return send(request, null);
  }

  public RecordMetadata send(GroundingRequest request, Long timestamp) throws Exception {
    byte[] key = keys.serialize(Topics.REQUESTS, new RequestKey(request.getRequestId()));
    return sendRaw(key, values.serialize(Topics.REQUESTS, request), timestamp);
  }

  /** Sends {@code request} under the key of {@code keyId} (a record whose key and value disagree when they differ). */
  public RecordMetadata sendUnderKey(UUID keyId, GroundingRequest request) throws Exception {
    return sendRaw(keys.serialize(Topics.REQUESTS, new RequestKey(keyId)), values.serialize(Topics.REQUESTS, request), null);
  }

  public RecordMetadata sendRaw(byte[] key, byte[] value, Long timestamp) throws Exception {
    return producer.send(new ProducerRecord<>(Topics.REQUESTS, null, timestamp, key, value)).get();
  }

  public static UUID id(String tag, int n) {
    return UUID.nameUUIDFromBytes((tag + "-" + n).getBytes());
  }

  /** A request for a uniform gray 64x32 PNG, inline, with the phrases "a person" and "a dog". */
  public static GroundingRequest grayRequest(UUID id, int gray) {
    return request(id, inline(TestFixtures.uniformPng(64, 32, gray), 64, 32));
  }

  public static ImageRef inline(byte[] bytes, int width, int height) {
    return ImageRef.newBuilder().setInline(ByteBuffer.wrap(bytes)).setSha256(sha256(bytes))
        .setContentType("image/png").setWidth(width).setHeight(height).setSizeBytes(bytes.length).build();
  }

  public static ImageRef uri(Path file, byte[] bytes, int width, int height) {
    return ImageRef.newBuilder().setUri(file.toUri().toString()).setSha256(sha256(bytes))
        .setContentType("image/png").setWidth(width).setHeight(height).setSizeBytes(bytes.length).build();
  }

  public static GroundingRequest request(UUID id, ImageRef image) {
    return GroundingRequest.newBuilder()
        .setRequestId(id).setCreatedAt(Instant.parse("2026-11-22T10:00:00Z")).setDataset("worker-test")
        .setImage(image).setCaption(CAPTION)
        .setPhrases(List.of(
            Phrase.newBuilder().setPhraseId("p0").setText("a person").setCharStart(0).setCharEnd(8)
                .setTypes(List.of(PhraseType.people)).build(),
            Phrase.newBuilder().setPhraseId("p1").setText("a dog").setCharStart(13).setCharEnd(18)
                .setTypes(List.of(PhraseType.animals)).build()))
        .build();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public List<GroundingResult> readResults(Predicate<List<GroundingResult>> until, Duration timeout) {
    return read(Topics.RESULTS, GroundingResult.class, until, timeout, "read_committed");
  }

  public List<DeadLetter> readDeadLetters(Predicate<List<DeadLetter>> until, Duration timeout) {
    return read(Topics.DLQ, DeadLetter.class, until, timeout, "read_committed");
  }

  /** Every record of {@code topic} from the beginning until {@code until} holds or the timeout passes. */
  public <T> List<T> read(String topic, Class<T> type, Predicate<List<T>> until, Duration timeout, String isolation) {
    Deserializer<T> deserializer = new AvroDeserializer<>(SchemaRegistryClients.shared(registryConnection()),
        SpecificData.get().getSchema(type));
    List<T> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          out.add(deserializer.deserialize(topic, r.value()));
        }
        if (until.test(out)) {
          // read to the end so that extra (duplicate) records would show up too
          Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
          while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
              out.add(deserializer.deserialize(topic, r.value()));
            }
          }
          return out;
        }
      }
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    producer.close();
    registry.close();
    kafka.close();
  }
}
