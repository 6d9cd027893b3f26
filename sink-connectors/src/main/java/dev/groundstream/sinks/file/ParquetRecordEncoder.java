package dev.groundstream.sinks.file;

import dev.groundstream.sinks.converter.ConnectToAvro;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A Connect record as one Parquet row, through Avro (Parquet's Avro writer does the shredding):
 * the value's fields as top-level columns plus _topic, _partition and _offset, the same columns a
 * JSON line has. A non-struct value becomes one column named value.
 */
final class ParquetRecordEncoder {
  private static final String WRAPPER_NAME = "dev.groundstream.sinks.file.FileRecord";
  private final ConnectToAvro toAvro = new ConnectToAvro();
  private final Map<org.apache.kafka.connect.data.Schema, Schema> fileSchemas = new ConcurrentHashMap<>();

  /** The Avro schema of the rows of {@code record}'s value schema. */
  Schema fileSchema(SinkRecord record) {
    if (record.valueSchema() == null) {
      throw new DataException("format=parquet needs records with a value schema (a schema-aware converter such as "
          + "the Avro converter); " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset()
          + " has none");
    }
    return fileSchemas.computeIfAbsent(record.valueSchema(), this::buildFileSchema);
  }

  private Schema buildFileSchema(org.apache.kafka.connect.data.Schema valueSchema) {
    Schema value = nonNull(toAvro.toAvroSchema(valueSchema));
    List<Schema.Field> fields = new ArrayList<>();
    Schema row;
    if (value.getType() == Schema.Type.RECORD) {
      row = Schema.createRecord(value.getName(), value.getDoc(), value.getNamespace(), false);
      // Avro fields belong to one record schema: copy them into the row schema.
      value.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    } else {
      row = Schema.createRecord(WRAPPER_NAME.substring(WRAPPER_NAME.lastIndexOf('.') + 1), null,
          WRAPPER_NAME.substring(0, WRAPPER_NAME.lastIndexOf('.')), false);
      fields.add(new Schema.Field("value", toAvro.toAvroSchema(valueSchema)));
    }
    fields.add(new Schema.Field("_topic", Schema.create(Schema.Type.STRING)));
    fields.add(new Schema.Field("_partition", Schema.create(Schema.Type.INT)));
    fields.add(new Schema.Field("_offset", Schema.create(Schema.Type.LONG)));
    row.setFields(fields);
    return row;
  }

  /** {@code record} as a row of {@code fileSchema} (which {@link #fileSchema} returned for it). */
  GenericRecord encode(SinkRecord record, Schema fileSchema) {
    GenericData.Record row = new GenericData.Record(fileSchema);
    Schema value = nonNull(toAvro.toAvroSchema(record.valueSchema()));
    if (value.getType() == Schema.Type.RECORD) {
      if (!(record.value() instanceof Struct)) {
        throw new DataException("Expected a struct value at " + record.topic() + "-" + record.kafkaPartition()
            + "@" + record.kafkaOffset());
      }
      GenericRecord converted = (GenericRecord) toAvro.toAvroValue(record.valueSchema(), value, record.value());
      for (Schema.Field field : value.getFields()) {
        row.put(field.name(), converted.get(field.pos()));
      }
    } else {
      row.put("value", toAvro.toAvroValue(record.valueSchema(), toAvro.toAvroSchema(record.valueSchema()), record.value()));
    }
    row.put("_topic", record.topic());
    row.put("_partition", record.kafkaPartition());
    row.put("_offset", record.kafkaOffset());
    return row;
  }

  /** An optional struct converts to a ["null", record] union; a row is the record itself. */
  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
  }
}
