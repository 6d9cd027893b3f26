package dev.groundstream.sinks.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.groundstream.sinks.ConnectValueJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record as one JSON line: the value's fields at top level (so DuckDB's read_json sees the
 * record's columns) plus _topic, _partition and _offset, which make every line traceable and
 * duplicates detectable.
 */
final class JsonLineEncoder {
  private static final JsonFactory FACTORY = new JsonFactory();

  String encode(SinkRecord record) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      if (record.value() instanceof Struct value) {
        for (Field field : value.schema().fields()) {
          json.writeFieldName(field.name());
          ConnectValueJson.write(json, field.schema(), value.get(field));
        }
      } else {
        json.writeFieldName("value");
        ConnectValueJson.write(json, record.valueSchema(), record.value());
      }
      json.writeStringField("_topic", record.topic());
      json.writeNumberField("_partition", record.kafkaPartition());
      json.writeNumberField("_offset", record.kafkaOffset());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }
}
