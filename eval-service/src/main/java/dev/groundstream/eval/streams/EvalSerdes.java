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
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.AvroClassTrust;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;

/**
 * The registry-backed (Confluent wire format) serdes of every topic this service reads or writes,
 * taken from the topic catalog so a topic and its record classes cannot be mismatched.
 */
public record EvalSerdes(
    AvroSerde<RequestKey> requestKey,
    AvroSerde<GroundingResult> result,
    AvroSerde<GroundTruth> truth,
    AvroSerde<EvaluationKey> evaluationKey,
    AvroSerde<Evaluation> evaluation,
    AvroSerde<MetricKey> metricKey,
    AvroSerde<AccuracySnapshot> snapshot,
    AvroSerde<ModelKey> modelKey,
    AvroSerde<QualityAlert> alert,
    AvroSerde<DeadLetterKey> deadLetterKey,
    AvroSerde<DeadLetter> deadLetter,
    AvroSerde<GroundingRequest> request) {

  public static EvalSerdes of(RegistryConnection registry) {
    AvroClassTrust.install();
    return new EvalSerdes(
        Topics.RESULTS_SPEC.keySerde(registry),
        Topics.RESULTS_SPEC.valueSerde(registry),
        Topics.TRUTH_SPEC.valueSerde(registry),
        Topics.EVALUATIONS_SPEC.keySerde(registry),
        Topics.EVALUATIONS_SPEC.valueSerde(registry),
        Topics.METRICS_SPEC.keySerde(registry),
        Topics.METRICS_SPEC.valueSerde(registry),
        Topics.ALERTS_SPEC.keySerde(registry),
        Topics.ALERTS_SPEC.valueSerde(registry),
        Topics.DLQ_SPEC.keySerde(registry),
        Topics.DLQ_SPEC.valueSerde(registry),
        Topics.REQUESTS_SPEC.valueSerde(registry));
  }
}
