package dev.groundstream.launcher.bench;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClients;
import dev.groundstream.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Timestamps (System.nanoTime) the first committed evaluation of each request on
 * grounding.evaluations, read from the end of the topic on its own thread. Why the topic and not
 * polling the HTTP API: the eval service's API answers from what it wrote there, and a consumer
 * sees a record within one short poll, while polling hundreds of ids every 50 ms would itself load
 * the two cores being measured.
 */
public final class EvaluationArrivals implements AutoCloseable {
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final KafkaConsumer<byte[], Evaluation> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  public EvaluationArrivals(KafkaConnection kafka, RegistryConnection registry) {
    Map<String, Object> config = new java.util.HashMap<>(kafka.clientProperties());
    config.put("isolation.level", "read_committed");
    config.put("fetch.max.wait.ms", "20");
    consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
        new AvroDeserializer<Evaluation>(SchemaRegistryClients.shared(registry),
            SpecificData.get().getSchema(Evaluation.class)));
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVALUATIONS).stream()
        .map(p -> new TopicPartition(Topics.EVALUATIONS, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end now, before any upload
    thread = new Thread(this::run, "bench-evaluation-arrivals");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], Evaluation> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          if (record.value() != null) {
            firstSeen.putIfAbsent(record.value().getRequestId().toString(), now);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close();
    }
  }

  /** When the first evaluation of {@code requestId} was seen, or null. */
  public Long arrival(String requestId) {
    return firstSeen.get(requestId);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5000);
  }
}
