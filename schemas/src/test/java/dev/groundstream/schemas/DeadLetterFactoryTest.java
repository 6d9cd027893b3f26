package dev.groundstream.schemas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.groundstream.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterFactoryTest {
  private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void anExceptionWithoutMessageIsNamedByItsClassNotNull() {
    DeadLetter letter = DeadLetterFactory.failed("eval", "grounding.results", 2, 41L,
        new IllegalStateException(), new byte[] {1, 2}, AT, Map.of("model", "m:1"));
    assertEquals("java.lang.IllegalStateException", letter.getErrorClass());
    assertEquals("java.lang.IllegalStateException", letter.getMessage());
    assertEquals(2, letter.getSourcePartition());
    assertEquals(41L, letter.getSourceOffset());
    ByteBuffer original = letter.getOriginalValue();
    byte[] bytes = new byte[original.remaining()];
    original.get(bytes);
    assertArrayEquals(new byte[] {1, 2}, bytes);
    assertEquals("m:1", letter.getAttributes().get("model"));
  }

  @Test
  void aRejectionKeepsItsReasonAndMayHaveNoBytes() {
    DeadLetter letter = DeadLetterFactory.rejected("worker", "grounding.requests", null, null,
        "span_outside_caption", "phrase 3 ends at 80, caption has 40 chars", null, AT, Map.of());
    assertEquals("span_outside_caption", letter.getErrorClass());
    assertEquals("worker", letter.getStage());
    assertNull(letter.getOriginalValue());
    assertEquals(AT, letter.getFailedAt());
  }
}
