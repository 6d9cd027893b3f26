package dev.groundstream.launcher.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.launcher.GroundStream;
import dev.groundstream.launcher.local.LocalCluster;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code generate --to-kafka} against an in-process broker and registry (the local mode's cluster). */
class GenerateToKafkaTest {
  private static final int COUNT = 25;

  @TempDir Path dir;

  @Test
  void streamsRequestsAndTruthOfEveryScene() throws Exception {
    try (LocalCluster cluster = LocalCluster.start(dir.resolve("kafka"), 0, 0)) {
      int exit = new CommandLine(new GroundStream()).execute("generate", "--count", Integer.toString(COUNT),
          "--seed", "3", "--to-kafka", "--dataset", "synthetic/kafka-test",
          "--bootstrap-servers", cluster.kafka().bootstrapServers(), "--registry-url", cluster.registry().url(),
          "--checkpoint", dir.resolve("checkpoints.properties").toString(), "--blob-dir", dir.resolve("blobs").toString());
      assertEquals(0, exit);

      Map<String, GroundingRequest> requests = readAll(cluster, Topics.REQUESTS, GroundingRequest.class);
      Map<String, GroundTruth> truths = readAll(cluster, Topics.TRUTH, GroundTruth.class);
      assertEquals(COUNT, requests.size());
      assertEquals(COUNT, truths.size());
      SyntheticDataset expected = new SyntheticDataset(new SceneGenerator(3), COUNT, "synthetic/kafka-test",
          new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(dir.resolve("blobs"))), Clock.systemUTC());
      for (int i = 0; i < COUNT; i++) {
        var sample = expected.sample(i);
        String id = sample.request().getRequestId().toString();
        assertEquals(sample.request().getCaption(), requests.get(id).getCaption());
        assertEquals(sample.request().getImage().getInline(), requests.get(id).getImage().getInline());
        assertEquals(sample.truth().orElseThrow().getPhrases(), truths.get(id).getPhrases());
      }
    }
  }

  private static <T extends SpecificRecord> Map<String, T> readAll(LocalCluster cluster, String topic, Class<T> type) {
    Map<String, T> byRequestId = new HashMap<>();
    AvroSerde<T> serde = AvroSerde.of(cluster.registry(), type, false);
    try (KafkaConsumer<byte[], T> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", cluster.kafka().bootstrapServers(), "group.id", "generate-test-" + topic,
        "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), serde.deserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 60_000;
      while (byRequestId.size() < COUNT && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], T> record : consumer.poll(Duration.ofMillis(500))) {
          byRequestId.put(String.valueOf(record.value().get(0)), record.value()); // field 0 = requestId
        }
      }
    }
    return byRequestId;
  }
}
