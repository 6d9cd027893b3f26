package dev.groundstream.schemas;

import dev.groundstream.avro.AccuracySnapshot;
import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.IngestAccepted;
import dev.groundstream.avro.MetricKey;
import dev.groundstream.avro.ModelKey;
import dev.groundstream.avro.QualityAlert;
import dev.groundstream.avro.RequestKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every topic of GroundStream in one place (docs/architecture.md §2). Requests, truth and
 * results share their key and partition count so that joins are co-partitioned.
 */
public final class Topics {
  static {
    AvroClassTrust.install();
  }

  /** Partitions of the request-keyed topics; equal on purpose (co-partitioned joins). */
  public static final int REQUEST_PARTITIONS = 6;

  public static final String REQUESTS = "grounding.requests";
  public static final String TRUTH = "grounding.truth";
  public static final String RESULTS = "grounding.results";
  public static final String EVALUATIONS = "grounding.evaluations";
  public static final String METRICS = "grounding.metrics";
  public static final String ALERTS = "grounding.alerts";
  public static final String DLQ = "grounding.dlq";
  /** The ingest service's own index of accepted uploads (idempotency across restarts and instances). */
  public static final String INGEST_ACCEPTED = "grounding.ingest.accepted";
  /** The schema registry's own log; not an Avro topic. */
  public static final String SCHEMAS = "_schemas";

  private static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");
  private static final Map<String, String> DELETE_7_DAYS =
      Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(7L * 24 * 3600 * 1000));
  /** Requests are the replay source: kept until an operator decides otherwise. */
  private static final Map<String, String> DELETE_NEVER =
      Map.of("cleanup.policy", "delete", "retention.ms", "-1");

  public static final TopicSpec<RequestKey, GroundingRequest> REQUESTS_SPEC =
      new TopicSpec<>(REQUESTS, REQUEST_PARTITIONS, DELETE_NEVER, RequestKey.class, GroundingRequest.class);
  public static final TopicSpec<RequestKey, GroundTruth> TRUTH_SPEC =
      new TopicSpec<>(TRUTH, REQUEST_PARTITIONS, COMPACT, RequestKey.class, GroundTruth.class);
  public static final TopicSpec<RequestKey, GroundingResult> RESULTS_SPEC =
      new TopicSpec<>(RESULTS, REQUEST_PARTITIONS, DELETE_7_DAYS, RequestKey.class, GroundingResult.class);
  public static final TopicSpec<EvaluationKey, Evaluation> EVALUATIONS_SPEC =
      new TopicSpec<>(EVALUATIONS, REQUEST_PARTITIONS, COMPACT, EvaluationKey.class, Evaluation.class);
  public static final TopicSpec<MetricKey, AccuracySnapshot> METRICS_SPEC =
      new TopicSpec<>(METRICS, 3, COMPACT, MetricKey.class, AccuracySnapshot.class);
  public static final TopicSpec<ModelKey, QualityAlert> ALERTS_SPEC =
      new TopicSpec<>(ALERTS, 1, DELETE_7_DAYS, ModelKey.class, QualityAlert.class);
  public static final TopicSpec<DeadLetterKey, DeadLetter> DLQ_SPEC =
      new TopicSpec<>(DLQ, 3, DELETE_7_DAYS, DeadLetterKey.class, DeadLetter.class);
  /**
   * Compacted: one record per request id is all the index needs. Keyed and partitioned like the
   * requests, so one request's index record lands in the partition number of its request.
   */
  public static final TopicSpec<RequestKey, IngestAccepted> INGEST_ACCEPTED_SPEC =
      new TopicSpec<>(INGEST_ACCEPTED, REQUEST_PARTITIONS, COMPACT, RequestKey.class, IngestAccepted.class);

  /** All Avro topics, in data-flow order. */
  public static final List<TopicSpec<?, ?>> ALL = List.of(REQUESTS_SPEC, TRUTH_SPEC, RESULTS_SPEC,
      EVALUATIONS_SPEC, METRICS_SPEC, ALERTS_SPEC, DLQ_SPEC, INGEST_ACCEPTED_SPEC);

  private Topics() {}

  public static Optional<TopicSpec<?, ?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
