package dev.groundstream.schemas.registry.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's storage: the compacted registry topic, written by a producer and read back by a
 * {@link StoreReader} that applies records to the {@link RegistryState}. A write returns only once
 * this instance has applied it (read-your-writes); {@link #catchUp()} applies everything other
 * instances wrote before now.
 */
final class KafkaRegistryStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryStore.class);
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final TopicPartition partition;
  private final StoreRecordCodec codec = new StoreRecordCodec();
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final StoreReader reader;
  private volatile boolean caughtUpOnce;

  KafkaRegistryStore(Map<String, Object> kafkaClientProps, String topic, RegistryState state) {
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    String instance = "schema-registry-" + UUID.randomUUID();
    this.admin = Admin.create(withClientId(kafkaClientProps, instance + "-admin"));
    this.producer = new KafkaProducer<>(producerProps(kafkaClientProps, instance),
        new ByteArraySerializer(), new ByteArraySerializer());
    this.reader = new StoreReader(consumerProps(kafkaClientProps, instance), topic, codec,
        state::apply);
  }

  private static Map<String, Object> withClientId(Map<String, Object> props, String clientId) {
    Map<String, Object> copy = new HashMap<>(props);
    copy.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return copy;
  }

  private static Map<String, Object> producerProps(Map<String, Object> props, String instance) {
    Map<String, Object> producer = withClientId(props, instance + "-producer");
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    return producer;
  }

  private static Map<String, Object> consumerProps(Map<String, Object> props, String instance) {
    Map<String, Object> consumer = withClientId(props, instance + "-reader");
    // No group: every instance reads the whole partition itself.
    consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return consumer;
  }

  /** Creates the topic if needed, then reads it to its current end before returning. */
  void start() {
    RegistryTopic.ensure(admin, topic);
    reader.start();
    catchUp();
    caughtUpOnce = true;
    LOG.info("Registry store caught up with {} at offset {}", topic, reader.position());
  }

  /** Waits until every record written to the topic before this call is applied. */
  void catchUp() {
    long end;
    try {
      end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (ExecutionException e) {
      throw RegistryException.storeError("Cannot read the end of " + topic + ": " + e.getCause(),
          e.getCause());
    } catch (TimeoutException e) {
      throw RegistryException.timeout("Timed out reading the end of " + topic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted", e);
    }
    awaitApplied(end);
  }

  /** Writes records in order and waits until this instance has applied all of them. */
  void write(List<StoreRecord> records) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (StoreRecord record : records) {
      sent.add(producer.send(new ProducerRecord<>(topic, 0, codec.encodeKey(record),
          codec.encodeValue(record))));
    }
    long lastOffset = -1;
    for (Future<RecordMetadata> future : sent) {
      try {
        lastOffset = Math.max(lastOffset,
            future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset());
      } catch (ExecutionException e) {
        throw RegistryException.storeError("Writing to " + topic + " failed: " + e.getCause(),
            e.getCause());
      } catch (TimeoutException e) {
        throw RegistryException.timeout("Timed out writing to " + topic);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RegistryException.storeError("Interrupted", e);
      }
    }
    awaitApplied(lastOffset + 1);
  }

  private void awaitApplied(long position) {
    try {
      if (!reader.awaitPosition(position, TIMEOUT)) {
        throw RegistryException.timeout("Timed out waiting for the registry store to reach offset "
            + position + " of " + topic + " (at " + reader.position() + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted", e);
    }
  }

  /** Next offset to apply. */
  long appliedPosition() {
    return reader.position();
  }

  boolean isHealthy() {
    return caughtUpOnce && reader.isAlive();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
