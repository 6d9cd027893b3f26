package dev.groundstream.worker;

import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.GroundingModel;
import dev.groundstream.worker.model.GroundingOutcome;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the model on a batch. When the whole batch fails (one input can break a run), every input
 * is retried alone, so only the input that really fails goes to the dead-letter topic.
 */
final class BatchInference {
  private static final Logger LOG = LoggerFactory.getLogger(BatchInference.class);

  private BatchInference() {}

  static List<GroundingOutcome> run(GroundingModel model, List<GroundingInput> inputs) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    try {
      return model.ground(inputs);
    } catch (Exception | LinkageError e) {
      if (inputs.size() == 1) {
        return List.of(new GroundingOutcome.Failed(asException(e)));
      }
      LOG.warn("Batch of {} failed ({}); retrying its requests one by one", inputs.size(), e.toString());
    }
    List<GroundingOutcome> out = new ArrayList<>();
    for (GroundingInput input : inputs) {
      try {
        out.add(model.ground(List.of(input)).get(0));
      } catch (Exception | LinkageError e) {
        out.add(new GroundingOutcome.Failed(asException(e)));
      }
    }
    return out;
  }

  private static Exception asException(Throwable t) {
    return t instanceof Exception e ? e : new Exception(t.toString(), t);
  }
}
