package dev.groundstream.eval.bench;

import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.eval.streams.CompositeKeys;
import dev.groundstream.eval.streams.EvalSerdes;
import dev.groundstream.schemas.Topics;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The limit the eval service is measured against: a bare Kafka Streams app over the same input
 * records, doing only what any consumer of them must (Avro decode of results and truth, re-key by
 * (request, model), Avro encode, produce), with the eval service's client settings (1 stream thread,
 * at_least_once, commit 1 s, 10 MiB cache). No stores, no repartition, no evaluation.
 */
final class PassThroughStreamsApp implements AutoCloseable {
  static final String RESULTS_OUT = "bench.passthrough.results";
  static final String TRUTH_OUT = "bench.passthrough.truth";

  private final KafkaStreams streams;

  private PassThroughStreamsApp(KafkaStreams streams) {
    this.streams = streams;
  }

  /** The output topics, partitioned like grounding.evaluations. */
  static void createTopics(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      var existing = admin.listTopics().names().get();
      List<NewTopic> missing = List.of(RESULTS_OUT, TRUTH_OUT).stream().filter(t -> !existing.contains(t))
          .map(t -> new NewTopic(t, Topics.REQUEST_PARTITIONS, (short) 1)).toList();
      admin.createTopics(missing).all().get();
    }
  }

  static PassThroughStreamsApp start(String bootstrap, String applicationId, EvalSerdes serdes) throws Exception {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.RESULTS, Consumed.with(serdes.requestKey(), serdes.result()))
        .map((key, result) -> KeyValue.pair(new EvaluationKey(result.getRequestId(),
            CompositeKeys.modelId(result.getModel())), result))
        .to(RESULTS_OUT, Produced.<EvaluationKey, GroundingResult>with(serdes.evaluationKey(), serdes.result()));
    builder.stream(Topics.TRUTH, Consumed.with(serdes.requestKey(), serdes.truth()))
        .map((RequestKey key, GroundTruth truth) -> KeyValue.pair(new EvaluationKey(truth.getRequestId(), ""), truth))
        .to(TRUTH_OUT, Produced.<EvaluationKey, GroundTruth>with(serdes.evaluationKey(), serdes.truth()));
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("eval-bench-passthrough").toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    KafkaStreams streams = new KafkaStreams(builder.build(), props);
    streams.start();
    return new PassThroughStreamsApp(streams);
  }

  @Override
  public void close() {
    streams.close(java.time.Duration.ofSeconds(30));
  }
}
