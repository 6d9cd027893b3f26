package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns each join change into the records of the per model|dataset aggregates: -previous and
 * +current evaluation counts (timed by each evaluation's event time) and the result's signal sketch
 * (timed by the result's). Parts with the same key and time, the usual case for a result, go as one
 * {@link ModelDatasetUpdate}; others (a truth that moved a request to another dataset, say) go apart.
 */
final class UpdateSplitter implements Processor<EvaluationKey, EvaluationChange, String, ModelDatasetUpdate> {
  private ProcessorContext<String, ModelDatasetUpdate> context;

  @Override
  public void init(ProcessorContext<String, ModelDatasetUpdate> context) {
    this.context = context;
  }

  @Override
  public void process(Record<EvaluationKey, EvaluationChange> record) {
    EvaluationChange change = record.value();
    List<Part> parts = new ArrayList<>(3);
    if (change.previous() != null) {
      add(parts, key(change.previous()), change.previous().getEventTime().toEpochMilli(),
          new ModelDatasetUpdate(EvaluationDelta.of(-1, change.previous()), null, null));
    }
    if (change.current() != null) {
      add(parts, key(change.current()), change.current().getEventTime().toEpochMilli(),
          new ModelDatasetUpdate(null, EvaluationDelta.of(+1, change.current()), null));
    }
    if (change.sketch() != null) {
      add(parts, change.sketchKey(), record.timestamp(), new ModelDatasetUpdate(null, null, change.sketch()));
    }
    for (Part part : parts) {
      context.forward(new Record<>(part.key, part.update, part.time));
    }
  }

  private static String key(Evaluation evaluation) {
    return CompositeKeys.modelDataset(CompositeKeys.modelId(evaluation.getModel()), evaluation.getDataset());
  }

  /** Folds the update into a part of the same key and time, where one has a free slot for it. */
  private static void add(List<Part> parts, String key, long time, ModelDatasetUpdate update) {
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      ModelDatasetUpdate have = part.update;
      if (part.key.equals(key) && part.time == time
          && (update.removed() == null || have.removed() == null)
          && (update.added() == null || have.added() == null)
          && (update.sketch() == null || have.sketch() == null)) {
        parts.set(i, new Part(key, time, new ModelDatasetUpdate(
            have.removed() != null ? have.removed() : update.removed(),
            have.added() != null ? have.added() : update.added(),
            have.sketch() != null ? have.sketch() : update.sketch())));
        return;
      }
    }
    parts.add(new Part(key, time, update));
  }

  private record Part(String key, long time, ModelDatasetUpdate update) {}
}
