package dev.groundstream.ingest.results;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.ingest.kafka.TopicTail;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link ResultStore} from grounding.results on its own thread: isolation
 * read_committed (only results of committed worker transactions, never an aborted batch's), every
 * partition assigned (no consumer group: every ingest instance serves every request id), starting
 * at the first result written within {@code lookback} of the start and then tailing (waiting for
 * the topic to exist first). An undecodable record is logged and skipped. The thread and poll loop
 * are a {@link TopicTail}.
 */
public final class ResultsTail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResultsTail.class);

  private final TopicTail<GroundingResult> tail;

  private ResultsTail(KafkaConnection kafka, SchemaRegistryClient registry, ResultStore store, Duration lookback,
      Clock clock) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.tail = TopicTail.of(Topics.RESULTS, true, props, Topics.RESULTS_SPEC.valueDeserializer(registry),
        new ResultReader(store, lookback, clock), "ingest-results-tail");
  }

  public static ResultsTail start(KafkaConnection kafka, SchemaRegistryClient registry, ResultStore store,
      Duration lookback) {
    ResultsTail results = new ResultsTail(kafka, registry, store, lookback, Clock.systemUTC());
    results.tail.start();
    return results;
  }

  public long recordsRead() {
    return tail.recordsRead();
  }

  public boolean running() {
    return tail.running();
  }

  /** Puts every result in the store, starting {@code lookback} before the start. */
  private record ResultReader(ResultStore store, Duration lookback, Clock clock) implements TopicTail.Reader<GroundingResult> {
    @Override
    public void start(Consumer<byte[], GroundingResult> consumer, List<TopicPartition> partitions) {
      long since = clock.millis() - lookback.toMillis();
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(p -> query.put(p, since));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      for (TopicPartition p : partitions) {
        OffsetAndTimestamp at = found.get(p);
        consumer.seek(p, at != null ? at.offset() : ends.get(p));
      }
    }

    /** One bad record must not stop the reader: it is logged and skipped. */
    @Override
    public void accept(ConsumerRecord<byte[], GroundingResult> r) {
      try {
        store.put(r.value());
      } catch (RuntimeException e) {
        LOG.warn("Skipping result {}-{}@{} the store refused: {}", r.topic(), r.partition(), r.offset(), e.toString());
      }
    }

    @Override
    public void ended(Throwable failure) {
      if (failure != null) {
        LOG.error("Results reader of {} stopped; /v1/requests/{{id}}/result no longer updates", Topics.RESULTS, failure);
      }
    }
  }

  @Override
  public void close() {
    tail.close();
  }
}
