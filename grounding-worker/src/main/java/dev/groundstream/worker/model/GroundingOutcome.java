package dev.groundstream.worker.model;

import java.util.List;

/** What a model made of one input of a batch: its phrases grounded, or why this one input failed. */
public sealed interface GroundingOutcome {
  record Grounded(List<PhraseGrounding> phrases) implements GroundingOutcome {}

  record Failed(Exception error) implements GroundingOutcome {}
}
