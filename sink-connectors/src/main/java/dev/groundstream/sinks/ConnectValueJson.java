package dev.groundstream.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Writes Connect values as JSON without Connect's JsonConverter envelope: timestamps as ISO-8601
 * UTC strings (DuckDB's read_json reads them as TIMESTAMP), dates as YYYY-MM-DD, bytes as base64.
 */
public final class ConnectValueJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ConnectValueJson() {}

  public static String toJson(Schema schema, Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, schema, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static void write(JsonGenerator out, Schema schema, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
      return;
    }
    if (value instanceof Date date) {
      writeDate(out, schema, date);
      return;
    }
    if (value instanceof Struct struct) {
      out.writeStartObject();
      for (Field field : struct.schema().fields()) {
        out.writeFieldName(field.name());
        write(out, field.schema(), struct.get(field));
      }
      out.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      out.writeStartArray();
      for (Object element : list) {
        write(out, schema == null ? null : schema.valueSchema(), element);
      }
      out.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeFieldName(String.valueOf(entry.getKey()));
        write(out, schema == null ? null : schema.valueSchema(), entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof byte[] bytes) {
      out.writeBinary(bytes);
    } else if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      out.writeBinary(bytes);
    } else if (value instanceof BigDecimal decimal) {
      out.writeNumber(decimal);
    } else if (value instanceof Float f) {
      out.writeNumber(f);
    } else if (value instanceof Double d) {
      out.writeNumber(d);
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof Number n) {
      out.writeNumber(n.intValue());
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else {
      out.writeString(value.toString());
    }
  }

  private static void writeDate(JsonGenerator out, Schema schema, Date date) throws IOException {
    Instant instant = date.toInstant();
    String logical = schema == null ? Timestamp.LOGICAL_NAME : schema.name();
    if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
      out.writeString(instant.atZone(ZoneOffset.UTC).toLocalDate().toString());
    } else if (Time.LOGICAL_NAME.equals(logical)) {
      out.writeString(instant.atZone(ZoneOffset.UTC).toLocalTime().toString());
    } else {
      out.writeString(instant.toString());
    }
  }
}
