package dev.groundstream.ingest.kafka;

import dev.groundstream.schemas.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serializer of each topic a producer writes, as its {@link TopicSpec} builds it, behind the
 * one serializer a {@code KafkaProducer} takes: the topic of a record picks its spec's serializer,
 * and a topic without a spec is refused instead of written with a serializer meant for another.
 */
final class TopicSerializer implements Serializer<SpecificRecord> {
  private final Map<String, Serializer<? extends SpecificRecord>> byTopic;

  private TopicSerializer(Map<String, Serializer<? extends SpecificRecord>> byTopic) {
    this.byTopic = Map.copyOf(byTopic);
  }

  /** One serializer per spec of {@code specs}, each from {@code factory} (a spec's key or value serializer). */
  static TopicSerializer of(List<TopicSpec<?, ?>> specs,
      Function<TopicSpec<?, ?>, Serializer<? extends SpecificRecord>> factory) {
    return new TopicSerializer(specs.stream().collect(Collectors.toMap(TopicSpec::name, factory)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public byte[] serialize(String topic, SpecificRecord data) {
    Serializer<SpecificRecord> s = (Serializer<SpecificRecord>) byTopic.get(topic);
    if (s == null) {
      throw new SerializationException("no topic spec for " + topic + " in this producer");
    }
    return s.serialize(topic, data);
  }

  @Override
  public void close() {
    byTopic.values().forEach(Serializer::close);
  }
}
