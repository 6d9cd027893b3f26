package dev.groundstream.schemas.registry.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that reads the registry topic from the beginning, forever, and applies
 * every record. Callers wait on {@link #awaitPosition} to know that a given offset is applied.
 */
final class StoreReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StoreReader.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long RETRY_BACKOFF_MS = 1000;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TopicPartition partition;
  private final StoreRecordCodec codec;
  private final Consumer<StoreRecord> applier;
  private final Thread thread;
  private final Object positionMonitor = new Object();
  private long position;
  private volatile boolean running = true;
  private volatile boolean started;
  private volatile Throwable lastError;

  StoreReader(Map<String, Object> clientProps, String topic, StoreRecordCodec codec,
      Consumer<StoreRecord> applier) {
    this.partition = new TopicPartition(topic, 0);
    this.codec = codec;
    this.applier = applier;
    this.consumer = new KafkaConsumer<>(clientProps, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "schema-registry-reader-" + topic);
    this.thread.setDaemon(true);
  }

  void start() {
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    started = true;
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : records) {
          applyOne(record);
        }
        // Position, not last offset + 1: compaction and control records leave gaps.
        advanceTo(consumer.position(partition));
        lastError = null;
      } catch (WakeupException e) {
        // close() asks the loop to stop.
      } catch (RuntimeException e) {
        lastError = e;
        LOG.warn("Reading the registry topic failed; retrying", e);
        sleepQuietly();
      }
    }
    consumer.close(Duration.ofSeconds(5));
  }

  private void applyOne(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      LOG.warn("Skipping registry record without key at offset {}", record.offset());
      return;
    }
    try {
      codec.decode(record.key(), record.value()).ifPresent(applier);
    } catch (IllegalArgumentException e) {
      // One bad record must not stop the registry; it never changes the state.
      LOG.warn("Skipping malformed registry record at offset {}: {}", record.offset(),
          e.getMessage());
    }
  }

  private void advanceTo(long newPosition) {
    synchronized (positionMonitor) {
      if (newPosition > position) {
        position = newPosition;
        positionMonitor.notifyAll();
      }
    }
  }

  long position() {
    synchronized (positionMonitor) {
      return position;
    }
  }

  /** @return whether every record before {@code target} was applied within the timeout */
  boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (positionMonitor) {
      while (position < target) {
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0 || !running) {
          return false;
        }
        positionMonitor.wait(remainingMs);
      }
      return true;
    }
  }

  boolean isAlive() {
    return thread.isAlive() && lastError == null;
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(RETRY_BACKOFF_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    if (!started) {
      consumer.close(Duration.ofSeconds(5));
      return;
    }
    consumer.wakeup();
    synchronized (positionMonitor) {
      positionMonitor.notifyAll();
    }
    thread.join(10_000);
  }
}
