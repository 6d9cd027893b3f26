package dev.groundstream.schemas;

import java.util.Map;
import org.apache.avro.Schema;

/**
 * One Kafka topic of the system: its name, partitions, topic configs and the Avro schemas of its
 * key and value. Registry subjects follow Confluent's TopicNameStrategy.
 */
public record TopicSpec(
    String name, int partitions, Map<String, String> configs, Schema keySchema, Schema valueSchema) {

  public String keySubject() {
    return name + "-key";
  }

  public String valueSubject() {
    return name + "-value";
  }
}
