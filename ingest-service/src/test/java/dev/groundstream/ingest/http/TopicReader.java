package dev.groundstream.ingest.http;

import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads back what the service wrote: Avro records through our deserializer, and end offsets. */
final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<Object, Object> consumer;
  private final KafkaConsumer<byte[], byte[]> offsets;

  TopicReader(String bootstrap, String registryUrl) {
    var registry = SchemaRegistryClients.shared(RegistryConnection.of(registryUrl));
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer = new KafkaConsumer<>(props, new AvroDeserializer<>(registry, null), new AvroDeserializer<>(registry, null));
    this.offsets = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  long endOffsetSum(String topic) {
    List<TopicPartition> partitions = offsets.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every value on the topic (from the beginning) that matches, waiting up to 15 s for at least {@code min}. */
  @SuppressWarnings("unchecked")
  <T> List<T> values(String topic, Class<T> type, Predicate<T> match, int min) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    List<T> found = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<Object, Object> r : consumer.poll(Duration.ofMillis(200))) {
        if (type.isInstance(r.value()) && match.test((T) r.value())) {
          found.add((T) r.value());
        }
      }
      boolean atEnd = true;
      for (TopicPartition p : partitions) {
        atEnd &= consumer.position(p) >= end.get(p);
      }
      if (atEnd && found.size() >= min) {
        break;
      }
      if (atEnd) {
        end = consumer.endOffsets(partitions);
      }
    }
    return found;
  }

  @Override
  public void close() {
    consumer.close();
    offsets.close();
  }
}
