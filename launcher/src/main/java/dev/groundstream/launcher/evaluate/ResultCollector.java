package dev.groundstream.launcher.evaluate;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads grounding.results (read_committed, from the beginning, no consumer group) until every
 * wanted request has a result; a later result of a request replaces an earlier one.
 */
public final class ResultCollector {
  private ResultCollector() {}

  public static Map<UUID, GroundingResult> collect(KafkaConnection kafka, RegistryConnection registry,
      Set<UUID> wanted, Duration timeout) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<UUID, GroundingResult> found = new HashMap<>();
    try (KafkaConsumer<byte[], GroundingResult> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new AvroDeserializer<>(SchemaRegistryClients.shared(registry), GroundingResult.getClassSchema()))) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.RESULTS).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!found.keySet().containsAll(wanted) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], GroundingResult> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null && wanted.contains(r.value().getRequestId())) {
            found.put(r.value().getRequestId(), r.value());
          }
        }
      }
    }
    return found;
  }
}
