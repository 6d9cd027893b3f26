package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;

/** What one consumed record becomes: a result, a dead letter, or nothing (skipped by the intake's filter). */
sealed interface RecordOutcome {
  record Grounded(GroundingResult result) implements RecordOutcome {}

  /** {@code request} is null when the record could not even be decoded. */
  record DeadLettered(String step, Exception error, GroundingRequest request) implements RecordOutcome {}

  record Skipped() implements RecordOutcome {}
}
