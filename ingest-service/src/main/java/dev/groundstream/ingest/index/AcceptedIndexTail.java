package dev.groundstream.ingest.index;

import dev.groundstream.avro.IngestAccepted;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.ingest.requests.AcceptedRequest;
import dev.groundstream.ingest.requests.RequestStore;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads grounding.ingest.accepted from the beginning into the {@link RequestStore} and then keeps
 * tailing it on its own thread, so uploads accepted before a restart or by another instance are
 * known here: a repeated client request id is answered from the index instead of written again,
 * and GET /v1/requests/{id} and labels find them. No consumer group (assign, not subscribe):
 * every instance needs every record, and there are no offsets to commit.
 */
public final class AcceptedIndexTail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AcceptedIndexTail.class);
  /** About a minute of a registry outage before a record is given up (an unknown id never heals). */
  private static final int REGISTRY_RETRIES = 60;

  /** What /health reports: loaded (caught up with the end offsets seen at start), records read, lag. */
  public record Status(boolean running, boolean caughtUp, long recordsRead, long lag, String error) {}

  private final KafkaConsumer<byte[], IngestAccepted> consumer;
  private final RequestStore store;
  private final Thread thread;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private volatile boolean caughtUp;
  private volatile boolean closing;
  private volatile long recordsRead;
  private volatile long lag = -1;
  private volatile Throwable failure;
  /** Retries of the record the registry could not serve; reset when a poll succeeds. */
  private int registryRetries;

  private AcceptedIndexTail(KafkaConnection kafka, SchemaRegistryClient registry, RequestStore store) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        Topics.INGEST_ACCEPTED_SPEC.valueDeserializer(registry));
    this.store = store;
    this.thread = new Thread(this::run, "ingest-index-tail");
    this.thread.setDaemon(true);
  }

  /** Starts reading; see {@link #awaitLoaded}. */
  public static AcceptedIndexTail start(KafkaConnection kafka, SchemaRegistryClient registry, RequestStore store) {
    AcceptedIndexTail tail = new AcceptedIndexTail(kafka, registry, store);
    tail.thread.start();
    return tail;
  }

  /**
   * Waits until every record that was on the topic when reading began is in the store. Throws if
   * reading failed (a missing topic, an unreachable registry); false on time-out.
   */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (failure != null) {
      throw new IllegalStateException("Cannot read " + Topics.INGEST_ACCEPTED + ": " + failure, failure);
    }
    return caughtUp;
  }

  public Status status() {
    Throwable f = failure;
    return new Status(thread.isAlive(), caughtUp, recordsRead, lag, f == null ? null : f.toString());
  }

  private void run() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.INGEST_ACCEPTED).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("topic " + Topics.INGEST_ACCEPTED + " does not exist (create.topics=false?)");
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> target = consumer.endOffsets(partitions);
      long started = System.nanoTime();
      while (!closing) {
        pollOnce();
        if (!caughtUp && reached(target)) {
          caughtUp = true;
          loaded.countDown();
          LOG.info("Index {} loaded: {} record(s) in {} ms, {} request(s) remembered", Topics.INGEST_ACCEPTED,
              recordsRead, (System.nanoTime() - started) / 1_000_000, store.size());
        }
        lag = lag(partitions);
      }
    } catch (WakeupException e) {
      if (!closing) {
        failed(e);
      }
    } catch (Throwable e) {
      failed(e);
    } finally {
      loaded.countDown();
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void pollOnce() {
    try {
      for (ConsumerRecord<byte[], IngestAccepted> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.value() != null) { // a tombstone (an operator deleting an id) only stops future reloads
          store.remember(AcceptedRequest.fromIndex(r.value()));
        }
        recordsRead++;
      }
      registryRetries = 0;
    } catch (RecordDeserializationException e) {
      if (registryUnavailable(e) && registryRetries++ < REGISTRY_RETRIES) {
        // Probably transient: read the same record again shortly rather than lose it.
        LOG.warn("Index record {}@{} waits for the schema registry: {}", e.topicPartition(), e.offset(), e.getMessage());
        consumer.seek(e.topicPartition(), e.offset());
        pause();
      } else {
        // One undecodable record must not stop the index: skip it; the request it indexed is
        // only no longer recognised as a repeat.
        LOG.warn("Skipping undecodable index record {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
        consumer.seek(e.topicPartition(), e.offset() + 1);
        registryRetries = 0;
      }
    }
  }

  private static boolean registryUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException) {
        return true;
      }
    }
    return false;
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing = true;
    }
  }

  private boolean reached(Map<TopicPartition, Long> target) {
    for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private long lag(List<TopicPartition> partitions) {
    long sum = 0;
    for (TopicPartition p : partitions) {
      sum += consumer.currentLag(p).orElse(0);
    }
    return sum;
  }

  private void failed(Throwable e) {
    failure = e;
    LOG.error("Index reader of {} stopped: repeats accepted elsewhere are no longer recognised", Topics.INGEST_ACCEPTED, e);
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
