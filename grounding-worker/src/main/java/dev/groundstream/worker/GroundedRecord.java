package dev.groundstream.worker;

/** One consumed record with its outcome: what the transactional writer writes for it. */
record GroundedRecord(PendingRequest pending, RecordOutcome outcome) {}
