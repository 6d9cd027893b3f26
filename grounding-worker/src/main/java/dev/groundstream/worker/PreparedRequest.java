package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.worker.model.PreprocessedImage;

/**
 * A consumed record after decode and preprocessing: ready for the model, failed at a step, or
 * skipped (decoded but outside a replay's dataset filter).
 */
public sealed interface PreparedRequest {
  record Ready(GroundingRequest request, PreprocessedImage image, double preprocessMs) implements PreparedRequest {}

  /** {@code step}: deserialize, load-image or decode-image; {@code request} is null when unreadable. */
  record Failed(String step, Exception error, GroundingRequest request) implements PreparedRequest {}

  /** Not this replay's dataset: its offset commits, but it gets no result and no dead letter. */
  record Skipped(GroundingRequest request) implements PreparedRequest {}
}
