package dev.groundstream.schemas;

import dev.groundstream.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

/**
 * The one way every stage builds a grounding.dlq record, so the fields mean the same whoever wrote
 * them: where the record came from, why it failed, and its original bytes for a later replay.
 */
public final class DeadLetterFactory {
  private DeadLetterFactory() {}

  /** A record that failed with an exception; the error class is the exception's class name. */
  public static DeadLetter failed(String stage, String sourceTopic, Integer partition, Long offset,
      Throwable error, byte[] originalValue, Instant failedAt, Map<String, String> attributes) {
    return rejected(stage, sourceTopic, partition, offset, error.getClass().getName(), messageOf(error),
        originalValue, failedAt, attributes);
  }

  /** A record refused for a named reason (no exception behind it). */
  public static DeadLetter rejected(String stage, String sourceTopic, Integer partition, Long offset,
      String reason, String message, byte[] originalValue, Instant failedAt, Map<String, String> attributes) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setSourceTopic(sourceTopic)
        .setSourcePartition(partition)
        .setSourceOffset(offset)
        .setErrorClass(reason)
        .setMessage(message)
        .setOriginalValue(originalValue == null ? null : ByteBuffer.wrap(originalValue))
        .setFailedAt(failedAt)
        .setAttributes(Map.copyOf(attributes))
        .build();
  }

  /** An exception's message, or its class and type when it has none (never the string "null"). */
  public static String messageOf(Throwable error) {
    return error.getMessage() == null ? error.toString() : error.getMessage();
  }
}
