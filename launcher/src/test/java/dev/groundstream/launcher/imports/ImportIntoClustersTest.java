package dev.groundstream.launcher.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.launcher.GroundStream;
import dev.groundstream.launcher.local.LocalCluster;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code import --data-dir D}: large images go to D/blobs (where {@code local --data-dir D}'s
 * worker reads), and the resume checkpoint in D belongs to the cluster it was written to: the same
 * dataset into a second, empty cluster is written in full, into the first again not at all.
 */
class ImportIntoClustersTest {
  static final Path PHOTOS = Path.of("..", "datasets", "groundstream-photos");

  @TempDir Path dir;

  @Test
  void blobsGoToTheDataDirAndCheckpointsAreKeptPerCluster() throws Exception {
    Path data = dir.resolve("data");
    try (LocalCluster first = LocalCluster.start(dir.resolve("kafka-a"), 0, 0);
        LocalCluster second = LocalCluster.start(dir.resolve("kafka-b"), 0, 0)) {
      assertEquals(0, importInto(first, data));
      Map<String, GroundingRequest> written = readAll(first);
      int total = written.size();
      assertTrue(total > 29, "every sentence of the 29 photos is a request: " + total);
      long claimChecked = 0;
      for (GroundingRequest r : written.values()) {
        if (r.getImage().getUri() != null) {
          Path blob = Path.of(URI.create(r.getImage().getUri()));
          assertTrue(blob.startsWith(data.resolve("blobs").toAbsolutePath()), blob.toString());
          assertTrue(Files.size(blob) > 1024 * 1024, blob.toString());
          claimChecked++;
        }
      }
      assertTrue(claimChecked > 0, "the bundled set has photos over the 1 MiB inline limit");

      assertEquals(0, importInto(second, data));
      assertEquals(total, endOffsets(second), "a new cluster gets every record");
      assertEquals(0, importInto(first, data));
      assertEquals(total, endOffsets(first), "the first cluster's checkpoint still holds: nothing written twice");
    }
  }

  private static int importInto(LocalCluster cluster, Path data) {
    return new CommandLine(new GroundStream()).execute("import", "flickr30k", "--root", PHOTOS.toString(),
        "--images", PHOTOS.resolve("images").toString(), "--data-dir", data.toString(),
        "--bootstrap-servers", cluster.kafka().bootstrapServers(), "--registry-url", cluster.registry().url());
  }

  private static long endOffsets(LocalCluster cluster) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", cluster.kafka().bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.REQUESTS).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Map<String, GroundingRequest> readAll(LocalCluster cluster) {
    long expected = endOffsets(cluster);
    Map<String, GroundingRequest> byId = new HashMap<>();
    AvroSerde<GroundingRequest> serde = AvroSerde.of(cluster.registry(), GroundingRequest.class, false);
    try (KafkaConsumer<byte[], GroundingRequest> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", cluster.kafka().bootstrapServers(), "group.id", "import-test",
        "auto.offset.reset", "earliest"), new ByteArrayDeserializer(), serde.deserializer())) {
      consumer.subscribe(List.of(Topics.REQUESTS));
      long deadline = System.currentTimeMillis() + 60_000;
      while (byId.size() < expected && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], GroundingRequest> r : consumer.poll(Duration.ofMillis(500))) {
          byId.put(r.value().getRequestId().toString(), r.value());
        }
      }
    }
    return byId;
  }
}
