package dev.groundstream.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic on its own daemon thread until closed: assign, not subscribe
 * (every ingest instance needs every record, and there are no offsets to commit). The reader says
 * where to start and what a record means; this class owns the thread, the poll loop, undecodable
 * records (skipped, or read again after a pause while the reader says they may heal) and shutdown.
 *
 * @param <V> the value type
 */
public final class TopicTail<V> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long RETRY_PAUSE_MILLIS = 1000;

  /** What one tail does with its topic. */
  public interface Reader<V> {
    /** Positions the consumer on its partitions before the first poll. */
    void start(Consumer<byte[], V> consumer, List<TopicPartition> partitions);

    /** One record with a value (tombstones are counted but not passed on). */
    void accept(ConsumerRecord<byte[], V> record);

    /** After every poll that met no undecodable record: progress, lag. */
    default void polled(Consumer<byte[], V> consumer, List<TopicPartition> partitions) {}

    /** True to read an undecodable record again after a pause (it may heal, e.g. the registry was away). */
    default boolean retry(RecordDeserializationException e) {
      return false;
    }

    /** The tail stopped: {@code failure} is null after {@link TopicTail#close()}. */
    void ended(Throwable failure);
  }

  private final String topic;
  private final boolean waitForTopic;
  private final Reader<V> reader;
  private final KafkaConsumer<byte[], V> consumer;
  private final Thread thread;
  private volatile boolean closing;
  private volatile long recordsRead;

  private TopicTail(String topic, boolean waitForTopic, Map<String, Object> clientProperties,
      Deserializer<V> values, Reader<V> reader, String threadName) {
    this.topic = topic;
    this.waitForTopic = waitForTopic;
    this.reader = reader;
    clientProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    clientProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(clientProperties, new ByteArrayDeserializer(), values);
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  /**
   * A tail of {@code topic}, not started yet (so the reader can hold it before its first call).
   * Without {@code waitForTopic} a missing topic ends the tail with a failure; with it the tail
   * waits for the topic to be created.
   */
  public static <V> TopicTail<V> of(String topic, boolean waitForTopic, Map<String, Object> clientProperties,
      Deserializer<V> values, Reader<V> reader, String threadName) {
    return new TopicTail<>(topic, waitForTopic, clientProperties, values, reader, threadName);
  }

  /** Starts reading on the tail's thread. */
  public TopicTail<V> start() {
    thread.start();
    return this;
  }

  public long recordsRead() {
    return recordsRead;
  }

  public boolean running() {
    return thread.isAlive();
  }

  private void run() {
    Throwable failure = null;
    try {
      List<TopicPartition> partitions = partitions();
      if (partitions.isEmpty()) {
        return; // closed while waiting for the topic
      }
      consumer.assign(partitions);
      reader.start(consumer, partitions);
      while (!closing) {
        if (pollOnce()) {
          reader.polled(consumer, partitions);
        }
      }
    } catch (WakeupException e) {
      failure = closing ? null : e;
    } catch (Throwable e) {
      failure = e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
      reader.ended(failure);
    }
  }

  /** False when the poll met an undecodable record (then it is skipped or to be read again). */
  private boolean pollOnce() {
    try {
      for (ConsumerRecord<byte[], V> r : consumer.poll(POLL)) {
        if (r.value() != null) {
          reader.accept(r);
        }
        recordsRead++;
      }
      return true;
    } catch (RecordDeserializationException e) {
      if (reader.retry(e)) {
        consumer.seek(e.topicPartition(), e.offset());
        pause();
      } else {
        LOG.warn("Skipping undecodable record {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
        consumer.seek(e.topicPartition(), e.offset() + 1);
      }
      return false;
    }
  }

  /** The topic's partitions; waits (or fails) while it does not exist. */
  private List<TopicPartition> partitions() throws InterruptedException {
    boolean logged = false;
    while (!closing) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (!waitForTopic) {
        throw new IllegalStateException("topic " + topic + " does not exist (create-topics=false?)");
      }
      if (!logged) {
        LOG.info("Waiting for topic {} to exist", topic);
        logged = true;
      }
      Thread.sleep(1000);
    }
    return List.of();
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing = true;
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
