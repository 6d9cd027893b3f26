package dev.groundstream.ingest.index;

import dev.groundstream.avro.IngestAccepted;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.ingest.kafka.TopicTail;
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
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads grounding.ingest.accepted from the beginning into the {@link RequestStore} and then keeps
 * tailing it on its own thread, so uploads accepted before a restart or by another instance are
 * known here: a repeated client request id is answered from the index instead of written again,
 * and GET /v1/requests/{id} and labels find them. The thread and poll loop are a {@link TopicTail}.
 */
public final class AcceptedIndexTail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AcceptedIndexTail.class);
  /** About a minute of a registry outage before a record is given up (an unknown id never heals). */
  private static final int REGISTRY_RETRIES = 60;

  /** What /health reports: loaded (caught up with the end offsets seen at start), records read, lag. */
  public record Status(boolean running, boolean caughtUp, long recordsRead, long lag, String error) {}

  private final RequestStore store;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final TopicTail<IngestAccepted> tail;
  private Map<TopicPartition, Long> target;
  private long started;
  private volatile boolean caughtUp;
  private volatile long lag = -1;
  private volatile Throwable failure;
  /** Retries of the record the registry could not serve; reset when a poll succeeds. */
  private int registryRetries;

  private AcceptedIndexTail(KafkaConnection kafka, SchemaRegistryClient registry, RequestStore store) {
    this.store = store;
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.tail = TopicTail.of(Topics.INGEST_ACCEPTED, false, props, Topics.INGEST_ACCEPTED_SPEC.valueDeserializer(registry),
        new IndexReader(), "ingest-index-tail");
  }

  /** Starts reading; see {@link #awaitLoaded}. */
  public static AcceptedIndexTail start(KafkaConnection kafka, SchemaRegistryClient registry, RequestStore store) {
    AcceptedIndexTail index = new AcceptedIndexTail(kafka, registry, store);
    index.tail.start();
    return index;
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
    return new Status(tail.running(), caughtUp, tail.recordsRead(), lag, f == null ? null : f.toString());
  }

  /** Loads the store from the beginning, then keeps it current. */
  private final class IndexReader implements TopicTail.Reader<IngestAccepted> {
    @Override
    public void start(Consumer<byte[], IngestAccepted> consumer, List<TopicPartition> partitions) {
      consumer.seekToBeginning(partitions);
      target = consumer.endOffsets(partitions);
      started = System.nanoTime();
    }

    @Override
    public void accept(ConsumerRecord<byte[], IngestAccepted> record) {
      // A tombstone (an operator deleting an id) never gets here: it only stops future reloads.
      store.remember(AcceptedRequest.fromIndex(record.value()));
    }

    @Override
    public void polled(Consumer<byte[], IngestAccepted> consumer, List<TopicPartition> partitions) {
      registryRetries = 0;
      if (!caughtUp && reached(consumer)) {
        caughtUp = true;
        loaded.countDown();
        LOG.info("Index {} loaded: {} record(s) in {} ms, {} request(s) remembered", Topics.INGEST_ACCEPTED,
            tail.recordsRead(), (System.nanoTime() - started) / 1_000_000, store.size());
      }
      lag = lag(consumer, partitions);
    }

    /**
     * A record the registry could not serve is probably transient: read it again shortly rather than
     * lose it. Any other undecodable record is skipped; the request it indexed is only no longer
     * recognised as a repeat.
     */
    @Override
    public boolean retry(RecordDeserializationException e) {
      if (registryUnavailable(e) && registryRetries++ < REGISTRY_RETRIES) {
        LOG.warn("Index record {}@{} waits for the schema registry: {}", e.topicPartition(), e.offset(), e.getMessage());
        return true;
      }
      registryRetries = 0;
      return false;
    }

    @Override
    public void ended(Throwable error) {
      if (error != null) {
        failure = error;
        LOG.error("Index reader of {} stopped: repeats accepted elsewhere are no longer recognised", Topics.INGEST_ACCEPTED,
            error);
      }
      loaded.countDown();
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

  private boolean reached(Consumer<byte[], IngestAccepted> consumer) {
    for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static long lag(Consumer<byte[], IngestAccepted> consumer, List<TopicPartition> partitions) {
    long sum = 0;
    for (TopicPartition p : partitions) {
      sum += consumer.currentLag(p).orElse(0);
    }
    return sum;
  }

  @Override
  public void close() {
    tail.close();
  }
}
