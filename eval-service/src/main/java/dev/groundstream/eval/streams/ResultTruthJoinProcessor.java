package dev.groundstream.eval.streams;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.eval.protocol.EvaluationAnomalies;
import dev.groundstream.eval.protocol.EvaluationOutcome;
import dev.groundstream.eval.protocol.ResultEvaluator;
import dev.groundstream.schemas.Topics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The results x truth join, equivalent to a table-table join with a (request, model) key on the
 * result side: both inputs are co-partitioned by RequestKey and land in this one processor, which
 * keeps the latest result per (request, model) and the latest truth per request. A result looks up
 * its truth; a truth (new or updated, e.g. human labels arriving days later) re-evaluates every
 * model's result of its request, so no label is ever dropped for arriving late. Each emitted change
 * carries the replaced evaluation so the aggregates can subtract it.
 *
 * <p>Input values are {@link Framed} results or truths (two sources feed it); the stores keep them framed.
 */
public final class ResultTruthJoinProcessor implements Processor<RequestKey, Object, EvaluationKey, EvaluationChange> {
  private final EvalCounters counters;
  private final dev.groundstream.eval.config.JoinRetention retention;
  private final double noBoxScoreThreshold;
  private final Serializer<Evaluation> evaluationEncoder;
  private ProcessorContext<EvaluationKey, EvaluationChange> context;
  private KeyValueStore<String, Framed<GroundingResult>> results;
  private KeyValueStore<String, Framed<GroundTruth>> truths;
  private KeyValueStore<String, Framed<Evaluation>> evaluations;
  private KeyValueStore<String, String> recent;
  private PairedTables paired;

  /**
   * @param noBoxScoreThreshold for the signal sketch of each valid result ({@link SignalSketch#of})
   * @param evaluationEncoder grounding.evaluations' value serializer: each evaluation is encoded once,
   *     and the bytes go to both the evaluations store and the topic
   */
  public ResultTruthJoinProcessor(EvalCounters counters, dev.groundstream.eval.config.JoinRetention retention,
      double noBoxScoreThreshold, Serializer<Evaluation> evaluationEncoder) {
    this.evaluationEncoder = evaluationEncoder;
    this.counters = counters;
    this.retention = retention;
    this.noBoxScoreThreshold = noBoxScoreThreshold;
  }

  @Override
  public void init(ProcessorContext<EvaluationKey, EvaluationChange> context) {
    this.context = context;
    this.results = context.getStateStore(StoreNames.RESULTS);
    this.truths = context.getStateStore(StoreNames.TRUTH);
    this.evaluations = context.getStateStore(StoreNames.EVALUATIONS);
    this.recent = context.getStateStore(StoreNames.RECENT_EVALUATIONS);
    this.paired = new PairedTables(context.getStateStore(StoreNames.PAIRED_TABLES),
        context.getStateStore(StoreNames.EVALUATION_COUNTS));
    JoinStoreRetention.schedule(context, retention, results, evaluations, recent, paired);
    // State from before the paired tables: build them soon after start, not only at the next record.
    context.schedule(java.time.Duration.ofSeconds(1), org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        now -> paired.rebuildIfNeeded(evaluations));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void process(Record<RequestKey, Object> record) {
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
    UUID requestId = record.key() == null ? null : record.key().getRequestId();
    paired.rebuildIfNeeded(evaluations);
    if (Topics.TRUTH.equals(topic)) {
      onTruth(requestId, (Framed<GroundTruth>) record.value());
    } else {
      onResult(requestId, (Framed<GroundingResult>) record.value(), record.timestamp());
    }
  }

  /** @param recordTime the result's event time (ResultEventTimeExtractor), where its signals count */
  private void onResult(UUID requestId, Framed<GroundingResult> framed, long recordTime) {
    if (framed == null) {
      return; // results are a delete topic: a tombstone there carries no meaning
    }
    GroundingResult result = framed.value();
    String problem = validate(requestId, result);
    if (problem != null) {
      counters.rejectedResult();
      reject(result, "InvalidResult", problem);
      return;
    }
    String modelId = CompositeKeys.modelId(result.getModel());
    results.put(CompositeKeys.requestModel(result.getRequestId(), modelId), framed);
    Framed<GroundTruth> truth = truths.get(result.getRequestId().toString());
    Signal signal = new Signal(CompositeKeys.modelDataset(modelId, result.getDataset()),
        SignalSketch.of(result, noBoxScoreThreshold));
    if (truth != null) {
      evaluate(result, truth.value(), evaluationsOf(result.getRequestId()), signal);
    } else {
      context.forward(new Record<>(new EvaluationKey(requestId, modelId),
          new EvaluationChange(null, null, null, signal.key(), signal.sketch()), recordTime));
    }
  }

  private void onTruth(UUID requestId, Framed<GroundTruth> framed) {
    if (requestId == null) {
      return;
    }
    if (framed == null) {
      truths.delete(requestId.toString());
      retractEvaluations(requestId);
      return;
    }
    GroundTruth truth = framed.value();
    if (!requestId.equals(truth.getRequestId())) {
      counters.rejectedTruth();
      emit(null, null, deadLetter("KeyMismatch", "truth key " + requestId + " differs from its requestId "
          + truth.getRequestId(), Map.of("requestId", requestId.toString())), requestId, "",
          context.currentStreamTimeMs());
      return;
    }
    truths.put(requestId.toString(), framed);
    Map<String, Evaluation> current = evaluationsOf(requestId);
    try (KeyValueIterator<String, Framed<GroundingResult>> it =
             results.prefixScan(CompositeKeys.requestPrefix(requestId), new StringSerializer())) {
      while (it.hasNext()) {
        evaluate(it.next().value.value(), truth, current, null);
      }
    }
  }

  /** The request's current evaluations by model id: one prefix scan, for the previous one and the pairs. */
  private Map<String, Evaluation> evaluationsOf(UUID requestId) {
    Map<String, Evaluation> out = new LinkedHashMap<>();
    try (KeyValueIterator<String, Framed<Evaluation>> it =
             evaluations.prefixScan(CompositeKeys.requestPrefix(requestId), new StringSerializer())) {
      while (it.hasNext()) {
        var entry = it.next();
        out.put(CompositeKeys.split(entry.key)[1], entry.value.value());
      }
    }
    return out;
  }

  /** Evaluates one result; {@code current} (the request's evaluations by model) is updated in place. */
  private void evaluate(GroundingResult result, GroundTruth truth, Map<String, Evaluation> current, Signal signal) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    EvaluationOutcome outcome = ResultEvaluator.evaluate(result, truth, now);
    String modelId = CompositeKeys.modelId(result.getModel());
    String storeKey = CompositeKeys.requestModel(result.getRequestId(), modelId);
    Evaluation previous = current.remove(modelId);
    Framed<Evaluation> encoded = new Framed<>(outcome.evaluation(),
        evaluationEncoder.serialize(Topics.EVALUATIONS, outcome.evaluation()));
    evaluations.put(storeKey, encoded);
    paired.changed(modelId, previous, outcome.evaluation(), current);
    current.put(modelId, outcome.evaluation());
    if (previous != null) {
      recent.delete(RecencyKeys.of(previous, storeKey));
    }
    recent.put(RecencyKeys.of(outcome.evaluation(), storeKey), storeKey);
    counters.evaluated(outcome.evaluation().getPhrases().size());
    DeadLetter anomalies = null;
    if (!outcome.anomalies().isClean()) {
      // Still evaluated (bad values score as misses), but operators see why on the DLQ.
      counters.anomalous();
      anomalies = deadLetter("EvaluationAnomalies", describe(outcome.anomalies()),
          Map.of("requestId", result.getRequestId().toString(), "model", modelId));
    }
    context.forward(new Record<>(new EvaluationKey(result.getRequestId(), modelId),
        new EvaluationChange(previous, encoded, anomalies, signal == null ? null : signal.key(),
            signal == null ? null : signal.sketch()), result.getRequestCreatedAt().toEpochMilli()));
  }

  /** A valid result's label-free signals and the model|dataset key they count under. */
  private record Signal(String key, SignalSketch sketch) {}

  private void retractEvaluations(UUID requestId) {
    Map<String, Evaluation> current = evaluationsOf(requestId);
    try (KeyValueIterator<String, Framed<GroundingResult>> it =
             results.prefixScan(CompositeKeys.requestPrefix(requestId), new StringSerializer())) {
      while (it.hasNext()) {
        var entry = it.next();
        Framed<Evaluation> deleted = evaluations.delete(entry.key);
        if (deleted != null) {
          Evaluation previous = deleted.value();
          String modelId = CompositeKeys.split(entry.key)[1];
          current.remove(modelId);
          paired.changed(modelId, previous, null, current);
          recent.delete(RecencyKeys.of(previous, entry.key));
          emit(previous, null, null, requestId, CompositeKeys.modelId(previous.getModel()),
              previous.getEventTime().toEpochMilli());
        }
      }
    }
  }

  private void emit(Evaluation previous, Evaluation current, DeadLetter deadLetter, UUID requestId,
      String modelId, long eventTime) {
    // Event time (the request's createdAt) becomes the record time, so windows downstream use it.
    context.forward(new Record<>(new EvaluationKey(requestId, modelId),
        new EvaluationChange(previous, current, deadLetter), eventTime));
  }

  private void reject(GroundingResult result, String reason, String message) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (result.getRequestId() != null) {
      attributes.put("requestId", result.getRequestId().toString());
    }
    ModelRef model = result.getModel();
    if (model != null) {
      attributes.put("model", model.getName() + ":" + model.getVersion());
    }
    emit(null, null, deadLetter(reason, message, attributes), result.getRequestId(), "",
        context.currentStreamTimeMs());
  }

  private DeadLetter deadLetter(String reason, String message, Map<String, String> attributes) {
    var metadata = context.recordMetadata();
    return DeadLetters.rejected(metadata.map(RecordMetadata::topic).orElse(null),
        metadata.map(RecordMetadata::partition).orElse(null),
        metadata.map(RecordMetadata::offset).orElse(null), reason, message,
        Instant.ofEpochMilli(context.currentSystemTimeMs()), attributes);
  }

  /** Why a result cannot be evaluated at all; null when it can. */
  static String validate(UUID keyRequestId, GroundingResult result) {
    if (result.getRequestId() == null || !result.getRequestId().equals(keyRequestId)) {
      return "result key " + keyRequestId + " differs from its requestId " + result.getRequestId();
    }
    ModelRef model = result.getModel();
    if (model == null || model.getName() == null || model.getName().isBlank()
        || model.getVersion() == null || model.getVersion().isBlank()) {
      return "unknown model: result has no model name and version";
    }
    return null;
  }

  static String describe(EvaluationAnomalies a) {
    StringBuilder out = new StringBuilder("evaluated with corrections:");
    append(out, "invalidPredictedBoxes", a.invalidPredictedBoxes());
    append(out, "invalidTruthBoxes", a.invalidTruthBoxes());
    append(out, "invalidScores", a.invalidScores());
    append(out, "malformedHeatmaps", a.malformedHeatmaps());
    append(out, "invalidHeatmapCells", a.invalidHeatmapCells());
    append(out, "heatmapsWithoutMass", a.heatmapsWithoutMass());
    append(out, "invalidPoints", a.invalidPoints());
    append(out, "missingResultPhrases", a.missingResultPhrases());
    append(out, "duplicateResultPhrases", a.duplicateResultPhrases());
    append(out, "duplicateTruthPhrases", a.duplicateTruthPhrases());
    if (!a.unknownResultPhraseIds().isEmpty()) {
      out.append(" unknownResultPhraseIds=").append(a.unknownResultPhraseIds());
    }
    if (a.imageSizeMismatch()) {
      out.append(" imageSizeMismatch");
    }
    if (a.invalidImageSize()) {
      out.append(" invalidImageSize");
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String name, int count) {
    if (count > 0) {
      out.append(' ').append(name).append('=').append(count);
    }
  }
}
