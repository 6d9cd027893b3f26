package dev.groundstream.launcher.journey;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning with isolation.level=read_committed and no consumer group, so a
 * test sees exactly what a downstream consumer sees: aborted transactions never, open ones not yet.
 */
public final class CommittedTopics {
  /** After the expected count is reached, read this much longer: more records would be duplicates. */
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private final KafkaConnection kafka;
  private final RegistryConnection registry;

  public CommittedTopics(KafkaConnection kafka, RegistryConnection registry) {
    this.kafka = kafka;
    this.registry = registry;
  }

  /** A read_committed consumer of raw bytes (assign it yourself; it has no group). */
  public KafkaConsumer<byte[], byte[]> rawConsumer() {
    return new KafkaConsumer<>(config(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Every committed Avro value of {@code topic} that matches {@code filter}: reads until at least
   * {@code expected} matched (or {@code timeout}), then {@link #SETTLE} longer so that surplus
   * records (duplicates) show up in the returned list. Fewer than expected is returned as is.
   */
  public <T> List<T> await(String topic, Class<T> type, Predicate<T> filter, int expected, Duration timeout) {
    List<T> values = new ArrayList<>();
    try (KafkaConsumer<byte[], T> consumer = new KafkaConsumer<>(config(), new ByteArrayDeserializer(),
        new AvroDeserializer<T>(SchemaRegistryClients.shared(registry), SpecificData.get().getSchema(type)))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        poll(consumer, filter, values);
      }
      long settle = System.nanoTime() + SETTLE.toNanos();
      while (System.nanoTime() < settle) {
        poll(consumer, filter, values);
      }
    }
    return values;
  }

  /** Every committed matching value present now (reads a few seconds, then settles). */
  public <T> List<T> readAll(String topic, Class<T> type, Predicate<T> filter) {
    return await(topic, type, filter, Integer.MAX_VALUE, Duration.ofSeconds(5));
  }

  private static <T> void poll(KafkaConsumer<byte[], T> consumer, Predicate<T> filter, List<T> into) {
    for (ConsumerRecord<byte[], T> record : consumer.poll(Duration.ofMillis(500))) {
      if (record.value() != null && filter.test(record.value())) {
        into.add(record.value());
      }
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = kafka.clientProperties();
    config.put("isolation.level", "read_committed");
    config.put("auto.offset.reset", "earliest");
    config.put("enable.auto.commit", "false");
    return config;
  }
}
