package dev.groundstream.eval.streams;

import dev.groundstream.eval.config.EvalConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams properties of the eval service, from its typed config. */
public final class StreamsProperties {
  private StreamsProperties() {}

  /** @param applicationServer this instance's "host:port" for interactive queries, or null */
  public static Properties of(EvalConfig config, String applicationServer, EvalCounters counters) {
    Properties props = new Properties();
    props.putAll(config.kafka().clientProperties());
    props.putAll(config.registry().serdeConfig()); // read by DeadLetterDeserializationHandler
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheMaxBytes());
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Under at_least_once too, only committed results count: a crashed worker's aborted transaction
    // would otherwise be evaluated, and its request evaluated twice (exactly_once_v2 sets this itself).
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
    if (applicationServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    if (counters != null) {
      props.put(DeadLetterDeserializationHandler.COUNTERS_CONFIG, counters);
    }
    return props;
  }
}
