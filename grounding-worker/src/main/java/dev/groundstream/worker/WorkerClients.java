package dev.groundstream.worker;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The worker's Kafka client settings: a read_committed byte consumer and a transactional byte producer. */
final class WorkerClients {
  private WorkerClients() {}

  static Map<String, Object> consumer(WorkerConfig config, String groupId, Map<String, Object> overrides) {
    Map<String, Object> props = config.kafka().clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.queueCapacity());
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "." + config.instanceId());
    // Records are decoded on the preparation pool, so an unreadable one never breaks poll().
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.putAll(overrides);
    return props;
  }

  static Map<String, Object> producer(WorkerConfig config, String groupId) {
    Map<String, Object> props = config.kafka().clientProperties();
    // Stable per replica: a restarted replica fences its predecessor and aborts its open transaction.
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "." + config.instanceId());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "." + config.instanceId() + ".producer");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return props;
  }
}
