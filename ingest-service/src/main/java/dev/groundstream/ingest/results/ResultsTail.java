package dev.groundstream.ingest.results;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link ResultStore} from grounding.results on its own thread: isolation
 * read_committed (only results of committed worker transactions, never an aborted batch's), every
 * partition assigned (no consumer group: every ingest instance serves every request id), starting
 * at the first result written within {@code lookback} of the start and then tailing. An
 * undecodable record is logged and skipped.
 */
public final class ResultsTail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResultsTail.class);

  private final KafkaConsumer<byte[], GroundingResult> consumer;
  private final ResultStore store;
  private final Duration lookback;
  private final Clock clock;
  private final Thread thread;
  private volatile boolean closing;
  private volatile long recordsRead;

  private ResultsTail(KafkaConnection kafka, SchemaRegistryClient registry, ResultStore store, Duration lookback,
      Clock clock) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        Topics.RESULTS_SPEC.valueDeserializer(registry));
    this.store = store;
    this.lookback = lookback;
    this.clock = clock;
    this.thread = new Thread(this::run, "ingest-results-tail");
    this.thread.setDaemon(true);
  }

  public static ResultsTail start(KafkaConnection kafka, SchemaRegistryClient registry, ResultStore store,
      Duration lookback) {
    ResultsTail tail = new ResultsTail(kafka, registry, store, lookback, Clock.systemUTC());
    tail.thread.start();
    return tail;
  }

  public long recordsRead() {
    return recordsRead;
  }

  public boolean running() {
    return thread.isAlive();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return; // closed while waiting for the topic
      }
      consumer.assign(partitions);
      seekToLookback(partitions);
      while (!closing) {
        try {
          for (ConsumerRecord<byte[], GroundingResult> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.value() != null) {
              put(r);
            }
            recordsRead++;
          }
        } catch (RecordDeserializationException e) {
          LOG.warn("Skipping undecodable result {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException e) {
      if (!closing) {
        LOG.error("Results reader woken unexpectedly; /v1/requests/{id}/result no longer updates", e);
      }
    } catch (Throwable e) {
      LOG.error("Results reader of {} stopped; /v1/requests/{{id}}/result no longer updates", Topics.RESULTS, e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** One bad record must not stop the reader: it is logged and skipped. */
  private void put(ConsumerRecord<byte[], GroundingResult> r) {
    try {
      store.put(r.value());
    } catch (RuntimeException e) {
      LOG.warn("Skipping result {}-{}@{} the store refused: {}", r.topic(), r.partition(), r.offset(), e.toString());
    }
  }

  /** The topic's partitions, waiting for a worker (or an operator) to create it. */
  private List<TopicPartition> awaitPartitions() throws InterruptedException {
    boolean logged = false;
    while (!closing) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.RESULTS).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (!logged) {
        LOG.info("Waiting for topic {} to exist before serving results", Topics.RESULTS);
        logged = true;
      }
      Thread.sleep(1000);
    }
    return List.of();
  }

  private void seekToLookback(List<TopicPartition> partitions) {
    long since = clock.millis() - lookback.toMillis();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, since));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp at = found.get(p);
      consumer.seek(p, at != null ? at.offset() : ends.get(p));
    }
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
