package dev.groundstream.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.groundstream.avro.RequestKey;
import dev.groundstream.schemas.TopicSpec;
import dev.groundstream.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class TopicSerializerTest {

  /** Writes the topic it was built for, so the test sees which spec's serializer ran. */
  record Named(String topic) implements Serializer<SpecificRecord> {
    @Override
    public byte[] serialize(String ignored, SpecificRecord data) {
      return topic.getBytes(StandardCharsets.UTF_8);
    }
  }

  @Test
  void eachTopicGetsItsOwnSpecsSerializer() {
    List<String> built = new ArrayList<>();
    TopicSerializer s = TopicSerializer.of(GroundingProducer.TOPICS, spec -> {
      built.add(spec.name());
      return new Named(spec.name());
    });
    assertEquals(List.of(Topics.REQUESTS, Topics.TRUTH, Topics.INGEST_ACCEPTED), built);
    RequestKey key = new RequestKey(UUID.randomUUID());
    assertArrayEquals(Topics.TRUTH.getBytes(StandardCharsets.UTF_8), s.serialize(Topics.TRUTH, key));
    assertArrayEquals(Topics.REQUESTS.getBytes(StandardCharsets.UTF_8), s.serialize(Topics.REQUESTS, key));
  }

  @Test
  void aTopicWithoutASpecIsRefused() {
    TopicSerializer s = TopicSerializer.of(List.<TopicSpec<?, ?>>of(Topics.REQUESTS_SPEC), spec -> new Named(spec.name()));
    SerializationException e = assertThrows(SerializationException.class,
        () -> s.serialize(Topics.RESULTS, new RequestKey(UUID.randomUUID())));
    assertEquals("no topic spec for " + Topics.RESULTS + " in this producer", e.getMessage());
  }
}
