package dev.groundstream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format shared by every topic: byte 0 is the magic byte 0x00, bytes 1-4 the
 * big-endian schema id, then the Avro binary encoding of the value.
 */
public final class WireFormat {
  public static final byte MAGIC = 0x0;
  public static final int HEADER_BYTES = 5;

  private WireFormat() {}

  /** Writes the header of a record with schema {@code id}: the one framing writer of every encoder. */
  public static void writeHeader(ByteArrayOutputStream out, int id) {
    out.write(MAGIC);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
  }

  /** Reads and checks the header, leaving the buffer positioned at the Avro payload. */
  public static int readSchemaId(ByteBuffer buffer, String topic) {
    if (buffer.remaining() < HEADER_BYTES) {
      throw new SerializationException("Record on topic '" + topic + "' has " + buffer.remaining()
          + " bytes, too short for the Confluent wire format (magic byte + 4-byte schema id)");
    }
    byte magic = buffer.get();
    if (magic != MAGIC) {
      throw new SerializationException(String.format(
          "Record on topic '%s' starts with unknown magic byte 0x%02x, expected 0x00: it was not "
              + "written by a Confluent-protocol Avro serializer", topic, magic & 0xff));
    }
    return buffer.getInt();
  }
}
