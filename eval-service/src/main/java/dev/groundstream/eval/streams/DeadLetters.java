package dev.groundstream.eval.streams;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.schemas.DeadLetterFactory;
import java.time.Instant;
import java.util.Map;

/** Builds the DeadLetter records this stage writes to grounding.dlq. */
public final class DeadLetters {
  public static final String STAGE = "eval";

  private DeadLetters() {}

  /** A record that could not be evaluated (or was evaluated with corrections), with the reason. */
  public static DeadLetter rejected(String sourceTopic, Integer partition, Long offset, String reason,
      String message, Instant failedAt, Map<String, String> attributes) {
    return DeadLetterFactory.rejected(STAGE, sourceTopic, partition, offset, reason, message, null, failedAt,
        attributes);
  }

  /** A record that could not be deserialized or processed; its bytes are kept for replay. */
  public static DeadLetter failedRecord(String sourceTopic, int partition, long offset,
      Exception error, byte[] originalValue, Instant failedAt) {
    return DeadLetterFactory.failed(STAGE, sourceTopic, partition, offset, error, originalValue, failedAt, Map.of());
  }
}
