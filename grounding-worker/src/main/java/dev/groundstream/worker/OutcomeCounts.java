package dev.groundstream.worker;

import java.util.List;

/** Committed outcomes: results written, dead letters written, records skipped by a dataset filter. */
public record OutcomeCounts(long grounded, long deadLettered, long skipped) {
  public static final OutcomeCounts NONE = new OutcomeCounts(0, 0, 0);

  static OutcomeCounts of(List<GroundedRecord> records) {
    long grounded = 0;
    long dead = 0;
    long skipped = 0;
    for (GroundedRecord r : records) {
      if (r.outcome() instanceof RecordOutcome.Grounded) {
        grounded++;
      } else if (r.outcome() instanceof RecordOutcome.DeadLettered) {
        dead++;
      } else {
        skipped++;
      }
    }
    return new OutcomeCounts(grounded, dead, skipped);
  }

  public OutcomeCounts plus(OutcomeCounts other) {
    return new OutcomeCounts(grounded + other.grounded, deadLettered + other.deadLettered, skipped + other.skipped);
  }

  /** Every record with a committed outcome. */
  public long total() {
    return grounded + deadLettered + skipped;
  }
}
