package dev.groundstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {
  @Test
  void theHeaderIsTheMagicByteAndTheBigEndianIdAndReadsBack() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, 0x01020304);
    out.write(42);
    byte[] bytes = out.toByteArray();
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 42}, bytes);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    assertEquals(0x01020304, WireFormat.readSchemaId(buffer, "t"));
    assertEquals(42, buffer.get(), "positioned at the payload");
  }

  @Test
  void aWrongMagicByteOrAShortRecordIsRefusedNamingTheTopic() {
    SerializationException magic = assertThrows(SerializationException.class,
        () -> WireFormat.readSchemaId(ByteBuffer.wrap(new byte[] {7, 0, 0, 0, 1}), "grounding.results"));
    assertEquals(true, magic.getMessage().contains("grounding.results") && magic.getMessage().contains("0x07"));
    assertThrows(SerializationException.class, () -> WireFormat.readSchemaId(ByteBuffer.wrap(new byte[] {0, 0}), "t"));
  }
}
