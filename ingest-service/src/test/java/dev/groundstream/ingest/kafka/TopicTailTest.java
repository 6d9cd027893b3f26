package dev.groundstream.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.testing.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared tail loop on a real broker: values in order, tombstones counted, bad records skipped or retried. */
class TopicTailTest {
  private static KafkaTestCluster kafka;

  /** Text values; "bad" cannot be decoded. */
  private static final Deserializer<String> TEXT = (topic, bytes) -> {
    String text = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    if ("bad".equals(text)) {
      throw new IllegalArgumentException("undecodable");
    }
    return text;
  };

  /** Collects what the tail hands over. */
  private static final class Collecting implements TopicTail.Reader<String> {
    final List<String> values = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    final int retries;
    int retried;

    Collecting(int retries) {
      this.retries = retries;
    }

    @Override
    public void start(Consumer<byte[], String> consumer, List<TopicPartition> partitions) {
      consumer.seekToBeginning(partitions);
    }

    @Override
    public void accept(ConsumerRecord<byte[], String> record) {
      values.add(record.value());
    }

    @Override
    public boolean retry(RecordDeserializationException e) {
      return retried++ < retries;
    }

    @Override
    public void ended(Throwable failure) {
      ended.complete(failure);
    }
  }

  @BeforeAll
  static void broker() throws Exception {
    kafka = KafkaTestCluster.start();
    kafka.admin().createTopics(List.of(new NewTopic("tail-test", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props(), new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (String value : new String[] {"a", null, "bad", "b"}) {
        producer.send(new ProducerRecord<>("tail-test", value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  private static Map<String, Object> props() {
    Map<String, Object> props = new HashMap<>();
    kafka.clientProperties().forEach((k, v) -> props.put(k.toString(), v));
    return props;
  }

  @Test
  void valuesArriveTombstonesAreCountedAndAnUndecodableRecordIsSkippedAfterItsRetries() throws Exception {
    Collecting reader = new Collecting(2);
    TopicTail<String> tail = TopicTail.of("tail-test", false, props(), TEXT, reader, "tail-test").start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (reader.values.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(List.of("a", "b"), reader.values);
    assertEquals(3, reader.retried, "two retries, then the skip");
    assertTrue(tail.running());
    tail.close();
    assertNull(reader.ended.get(10, TimeUnit.SECONDS), "a close is no failure");
    assertFalse(tail.running());
    assertEquals(3, tail.recordsRead(), "a, the tombstone and b; the skipped record is not read");
  }

  @Test
  void aMissingTopicEndsTheTailWithAFailureUnlessItWaits() throws Exception {
    Collecting failing = new Collecting(0);
    TopicTail<String> tail = TopicTail.of("no-such-topic", false, props(), TEXT, failing, "tail-missing").start();
    Throwable failure = failing.ended.get(60, TimeUnit.SECONDS);
    assertTrue(failure.getMessage().contains("topic no-such-topic does not exist"), failure.getMessage());
    tail.close();

    Collecting waiting = new Collecting(0);
    TopicTail<String> patient = TopicTail.of("no-such-topic", true, props(), TEXT, waiting, "tail-waiting").start();
    Thread.sleep(1500); // a few metadata round trips that find no topic
    assertTrue(patient.running(), "still waiting for the topic");
    assertFalse(waiting.ended.isDone());
    patient.close();
    assertNull(waiting.ended.get(10, TimeUnit.SECONDS));
  }
}
