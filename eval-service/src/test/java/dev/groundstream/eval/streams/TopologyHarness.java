package dev.groundstream.eval.streams;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.MetricKey;
import dev.groundstream.avro.ModelKey;
import dev.groundstream.avro.QualityAlert;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.eval.config.EvalConfig;
import dev.groundstream.schemas.Topics;
import java.nio.file.Path;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A TopologyTestDriver over the real topology with real registry serdes, plus its topics. */
final class TopologyHarness implements AutoCloseable {
  final EvalConfig config;
  final TopologyTestDriver driver;
  final TestInputTopic<RequestKey, GroundingResult> results;
  final TestInputTopic<RequestKey, GroundTruth> truth;
  final TestInputTopic<RequestKey, GroundingRequest> requests;
  final TestInputTopic<byte[], byte[]> rawResults;
  final TestOutputTopic<EvaluationKey, Evaluation> evaluations;
  final TestOutputTopic<MetricKey, AccuracySnapshot> metrics;
  final TestOutputTopic<ModelKey, QualityAlert> alerts;
  final TestOutputTopic<DeadLetterKey, DeadLetter> deadLetters;
  /** The topology's Micrometer counters, for the tests that look at them. */
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  static EvalConfig config(RegistryConnection registry, Path stateDir) {
    return EvalConfig.defaults(KafkaConnection.of("unused:9092"), registry)
        .withApplicationId("ttd-" + UUID.randomUUID())
        .withStateDir(stateDir);
  }

  TopologyHarness(EvalConfig config) {
    this(config, java.time.Instant.now());
  }

  /** With the driver's wall clock starting at {@code wallClock} (advance it with the driver). */
  TopologyHarness(EvalConfig config, java.time.Instant wallClock) {
    this.config = config;
    EvalSerdes serdes = EvalSerdes.of(config.registry());
    driver = new TopologyTestDriver(new EvalTopology(config, serdes, new EvalCounters(meters)).build(),
        StreamsProperties.of(config, null, null), wallClock);
    results = driver.createInputTopic(Topics.RESULTS, serdes.requestKey().serializer(), serdes.result().serializer());
    truth = driver.createInputTopic(Topics.TRUTH, serdes.requestKey().serializer(), serdes.truth().serializer());
    requests = driver.createInputTopic(Topics.REQUESTS, serdes.requestKey().serializer(), serdes.request().serializer());
    rawResults = driver.createInputTopic(Topics.RESULTS, new ByteArraySerializer(), new ByteArraySerializer());
    evaluations = driver.createOutputTopic(Topics.EVALUATIONS, serdes.evaluationKey().deserializer(),
        serdes.evaluation().deserializer());
    metrics = driver.createOutputTopic(Topics.METRICS, serdes.metricKey().deserializer(),
        serdes.snapshot().deserializer());
    alerts = driver.createOutputTopic(Topics.ALERTS, serdes.modelKey().deserializer(), serdes.alert().deserializer());
    deadLetters = driver.createOutputTopic(Topics.DLQ, serdes.deadLetterKey().deserializer(),
        serdes.deadLetter().deserializer());
  }

  void result(GroundingResult result) {
    results.pipeInput(new RequestKey(result.getRequestId()), result);
  }

  void truth(GroundTruth value) {
    truth.pipeInput(new RequestKey(value.getRequestId()), value);
  }

  @Override
  public void close() {
    driver.close();
  }
}
