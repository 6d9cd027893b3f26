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
import dev.groundstream.schemas.serde.AvroSerde;

/** The registry-backed (Confluent wire format) serdes of every topic this service reads or writes. */
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
        AvroSerde.of(registry, RequestKey.class, true),
        AvroSerde.of(registry, GroundingResult.class, false),
        AvroSerde.of(registry, GroundTruth.class, false),
        AvroSerde.of(registry, EvaluationKey.class, true),
        AvroSerde.of(registry, Evaluation.class, false),
        AvroSerde.of(registry, MetricKey.class, true),
        AvroSerde.of(registry, AccuracySnapshot.class, false),
        AvroSerde.of(registry, ModelKey.class, true),
        AvroSerde.of(registry, QualityAlert.class, false),
        AvroSerde.of(registry, DeadLetterKey.class, true),
        AvroSerde.of(registry, DeadLetter.class, false),
        AvroSerde.of(registry, GroundingRequest.class, false));
  }
}
