package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.schemas.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The live request stream: a group subscription to grounding.requests that never ends. Partitions
 * come and go with rebalances; records of a lost partition are dropped from the queue, because
 * their new owner re-reads them from the last committed offset.
 */
public final class LiveSubscription implements RequestIntake {
  /** Where a group without committed offsets starts. */
  public enum Start {
    BEGINNING, LATEST;

    /** "beginning" or "latest" (any case). */
    public static Start parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "beginning", "earliest" -> BEGINNING;
        case "latest", "end" -> LATEST;
        default -> throw new IllegalArgumentException("--from must be 'beginning' or 'latest', not '" + text + "'");
      };
    }
  }

  private final Start start;

  LiveSubscription(Start start) {
    this.start = start;
  }

  @Override
  public Map<String, Object> consumerOverrides() {
    return Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, start == Start.LATEST ? "latest" : "earliest");
  }

  @Override
  public void attach(KafkaConsumer<byte[], byte[]> consumer, PendingQueue queue) {
    consumer.subscribe(List.of(Topics.REQUESTS), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        queue.dropPartitions(partitions);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (queue.isPaused()) {
          consumer.pause(partitions); // back-pressure holds for new partitions too
        }
      }
    });
  }

  @Override
  public boolean accepts(ConsumerRecord<byte[], byte[]> record) {
    return true;
  }

  @Override
  public boolean grounds(GroundingRequest request) {
    return true;
  }

  @Override
  public boolean exhausted(KafkaConsumer<byte[], byte[]> consumer) {
    return false;
  }

  @Override
  public String describe() {
    return "live " + Topics.REQUESTS + " (new group starts at the " + start.name().toLowerCase(Locale.ROOT) + ")";
  }
}
