package dev.groundstream.sinks.file;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** The folder of a record: model=<name:version>/date=YYYY-MM-DD (UTC). */
final class PartitionPath {
  private final String modelField;
  private final String timeField;

  PartitionPath(String modelField, String timeField) {
    this.modelField = modelField;
    this.timeField = timeField;
  }

  String of(SinkRecord record) {
    return "model=" + safe(model(record)) + "/date=" + date(record);
  }

  private String model(SinkRecord record) {
    if (!(record.value() instanceof Struct value) || value.schema().field(modelField) == null) {
      return "unknown";
    }
    Object model = value.get(modelField);
    if (model instanceof Struct ref && ref.schema().field("name") != null && ref.schema().field("version") != null) {
      return ref.get("name") + ":" + ref.get("version");
    }
    return model == null ? "unknown" : model.toString();
  }

  private String date(SinkRecord record) {
    Instant time = null;
    if (!timeField.isEmpty() && record.value() instanceof Struct value) {
      Field field = value.schema().field(timeField);
      if (field != null && value.get(field) instanceof Date date) {
        time = date.toInstant();
      }
    }
    if (time == null) {
      time = record.timestamp() != null ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
    }
    return time.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** Keeps folder names portable and free of path separators. */
  private static String safe(String segment) {
    return segment.replaceAll("[^A-Za-z0-9._:+-]", "_");
  }
}
