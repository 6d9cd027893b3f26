package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.Timings;
import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingOutcome;
import dev.groundstream.worker.model.NonFiniteOutputException;
import dev.groundstream.worker.model.PhraseQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Turns a batch of pending records into one (record, outcome) pair each, in order: waits for each
 * record's preparation, runs the model once on the ready ones and pairs every model output with
 * its record right away, so nothing is lined up by position later.
 */
final class BatchGrounder {
  private final GroundingModel model;
  private final ResultAssembler assembler;
  private final WorkerMetrics metrics;

  BatchGrounder(GroundingModel model, ResultAssembler assembler, WorkerMetrics metrics) {
    this.model = model;
    this.assembler = assembler;
    this.metrics = metrics;
  }

  List<GroundedRecord> ground(List<PendingRequest> batch) {
    long batchStart = System.nanoTime();
    List<PreparedRequest> prepared = new ArrayList<>(batch.size());
    List<GroundingInput> inputs = new ArrayList<>();
    for (PendingRequest p : batch) {
      PreparedRequest r = await(p);
      prepared.add(r);
      if (r instanceof PreparedRequest.Ready ready) {
        inputs.add(new GroundingInput(ready.image(), ready.request().getCaption(), queries(ready.request())));
      }
    }
    long inferenceStart = System.nanoTime();
    List<GroundingOutcome> outcomes = BatchInference.run(model, inputs);
    double inferenceMs = (System.nanoTime() - inferenceStart) / 1e6;
    if (!inputs.isEmpty()) {
      metrics.batch(inputs.size(), inferenceMs);
    }
    var modelOutputs = outcomes.iterator(); // one per Ready record, in batch order
    List<GroundedRecord> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      PendingRequest p = batch.get(i);
      double queueMs = (batchStart - p.receivedNanos()) / 1e6;
      metrics.queued(queueMs);
      RecordOutcome outcome;
      if (prepared.get(i) instanceof PreparedRequest.Ready ready) {
        metrics.preprocessed(ready.preprocessMs());
        outcome = fromModel(p, ready, modelOutputs.next(), queueMs, inferenceMs, inputs.size());
      } else if (prepared.get(i) instanceof PreparedRequest.Failed failed) {
        outcome = new RecordOutcome.DeadLettered(failed.step(), failed.error(), failed.request());
      } else {
        outcome = new RecordOutcome.Skipped(); // outside the intake's dataset: only its offset commits
      }
      out.add(new GroundedRecord(p, outcome));
    }
    return out;
  }

  private RecordOutcome fromModel(PendingRequest p, PreparedRequest.Ready ready, GroundingOutcome modelOutput,
      double queueMs, double inferenceMs, int batchSize) {
    if (modelOutput instanceof GroundingOutcome.Grounded grounded) {
      Timings timings = Timings.newBuilder().setQueueMs(queueMs).setPreprocessMs(ready.preprocessMs())
          .setInferenceMs(inferenceMs / batchSize).setPostprocessMs(0)
          .setTotalMs((System.nanoTime() - p.receivedNanos()) / 1e6).build();
      return new RecordOutcome.Grounded(
          assembler.result(ready.request(), ready.image(), grounded.phrases(), timings, batchSize));
    }
    Exception error = ((GroundingOutcome.Failed) modelOutput).error();
    String step = error instanceof NonFiniteOutputException ? "model-output" : "inference";
    return new RecordOutcome.DeadLettered(step, error, ready.request());
  }

  private static List<PhraseQuery> queries(GroundingRequest request) {
    List<PhraseQuery> out = new ArrayList<>();
    for (Phrase p : request.getPhrases()) {
      out.add(new PhraseQuery(p.getPhraseId(), p.getText(), p.getCharStart(), p.getCharEnd(), p.getHead()));
    }
    return out;
  }

  private static PreparedRequest await(PendingRequest p) {
    try {
      return p.prepared().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    } catch (ExecutionException e) {
      return new PreparedRequest.Failed("prepare", e.getCause() instanceof Exception ex ? ex : e, null);
    }
  }
}
