package dev.groundstream.sinks.converter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and generic datums to Connect schemas and values. Unions of null and one type
 * become optional schemas; enums become strings with the symbols as parameters; the logical types
 * timestamp-millis, date, time-millis and decimal become Connect's logical types; uuid stays a
 * string. Connect schemas are cached per Avro schema: a sink sees the same instance every time.
 */
public final class AvroToConnect {
  private final Map<org.apache.avro.Schema, Schema> schemas = new ConcurrentHashMap<>();

  public Schema toConnectSchema(org.apache.avro.Schema avro) {
    return schemas.computeIfAbsent(avro, a -> build(a, false, null).build());
  }

  private SchemaBuilder build(org.apache.avro.Schema avro, boolean optional, Object avroDefault) {
    if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
      return build(nonNullBranch(avro), true, avroDefault);
    }
    SchemaBuilder builder = typeOf(avro);
    if (optional) {
      builder.optional();
    }
    Object connectDefault = connectDefault(avro, avroDefault);
    if (connectDefault != null) {
      builder.defaultValue(connectDefault);
    }
    return builder;
  }

  private SchemaBuilder typeOf(org.apache.avro.Schema avro) {
    LogicalType logical = avro.getLogicalType();
    switch (avro.getType()) {
      case RECORD: {
        SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
        if (avro.getDoc() != null) {
          struct.doc(avro.getDoc());
        }
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
          struct.field(field.name(), build(field.schema(), false, field.defaultVal()).build());
        }
        return struct;
      }
      case ENUM: {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(ConnectAvroParameters.ENUM, avro.getFullName());
        for (String symbol : avro.getEnumSymbols()) {
          params.put(ConnectAvroParameters.ENUM_SYMBOL_PREFIX + symbol, symbol);
        }
        return SchemaBuilder.string().parameters(params);
      }
      case ARRAY:
        return SchemaBuilder.array(build(avro.getElementType(), false, null).build());
      case MAP:
        return SchemaBuilder.map(Schema.STRING_SCHEMA, build(avro.getValueType(), false, null).build());
      case STRING:
        return logical == null ? SchemaBuilder.string()
            : SchemaBuilder.string().parameter(ConnectAvroParameters.LOGICAL_TYPE, logical.getName());
      case BYTES:
        if (logical instanceof LogicalTypes.Decimal decimal) {
          return Decimal.builder(decimal.getScale())
              .parameter("connect.decimal.precision", Integer.toString(decimal.getPrecision()));
        }
        return SchemaBuilder.bytes();
      case FIXED:
        return SchemaBuilder.bytes().name(avro.getFullName())
            .parameter(ConnectAvroParameters.FIXED_SIZE, Integer.toString(avro.getFixedSize()));
      case INT:
        if (logical instanceof LogicalTypes.Date) {
          return Date.builder();
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
          return Time.builder();
        }
        return SchemaBuilder.int32();
      case LONG:
        return logical instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
      case FLOAT:
        return SchemaBuilder.float32();
      case DOUBLE:
        return SchemaBuilder.float64();
      case BOOLEAN:
        return SchemaBuilder.bool();
      default:
        throw new DataException("Avro type " + avro.getType() + " has no Connect equivalent here: " + avro);
    }
  }

  /** Field defaults of scalar types are carried over; complex defaults are left out. */
  private static Object connectDefault(org.apache.avro.Schema avro, Object avroDefault) {
    if (avroDefault == null || avroDefault == JsonProperties.NULL_VALUE) {
      return null;
    }
    org.apache.avro.Schema type = avro.getType() == org.apache.avro.Schema.Type.UNION ? nonNullBranch(avro) : avro;
    if (type.getLogicalType() != null && !(type.getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
      return null;
    }
    return switch (type.getType()) {
      case STRING, ENUM -> avroDefault.toString();
      case INT -> ((Number) avroDefault).intValue();
      case LONG -> type.getLogicalType() != null
          ? new java.util.Date(((Number) avroDefault).longValue()) : ((Number) avroDefault).longValue();
      case FLOAT -> ((Number) avroDefault).floatValue();
      case DOUBLE -> ((Number) avroDefault).doubleValue();
      case BOOLEAN -> avroDefault;
      default -> null;
    };
  }

  static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema union) {
    List<org.apache.avro.Schema> branches = union.getTypes();
    List<org.apache.avro.Schema> nonNull = branches.stream()
        .filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL).toList();
    if (nonNull.size() != 1) {
      throw new DataException("Only unions of null and one type map to Connect (optional); got " + union);
    }
    return nonNull.get(0);
  }

  /** Converts a datum read with {@code avro} (generic representation) to a value of {@code connect}. */
  public Object toConnectValue(org.apache.avro.Schema avro, Schema connect, Object datum) {
    if (datum == null) {
      return null;
    }
    if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
      int branch = GenericData.get().resolveUnion(avro, datum);
      return toConnectValue(avro.getTypes().get(branch), connect, datum);
    }
    switch (avro.getType()) {
      case RECORD: {
        GenericRecord record = (GenericRecord) datum;
        Struct struct = new Struct(connect);
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
          struct.put(field.name(),
              toConnectValue(field.schema(), connect.field(field.name()).schema(), record.get(field.pos())));
        }
        return struct;
      }
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (Object element : (Iterable<?>) datum) {
          out.add(toConnectValue(avro.getElementType(), connect.valueSchema(), element));
        }
        return out;
      }
      case MAP: {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) datum).forEach((k, v) ->
            out.put(k.toString(), toConnectValue(avro.getValueType(), connect.valueSchema(), v)));
        return out;
      }
      case STRING:
      case ENUM:
        return datum.toString();
      case BYTES: {
        ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return Decimal.LOGICAL_NAME.equals(connect.name())
            ? Decimal.toLogical(connect, bytes) : bytes;
      }
      case FIXED:
        return ((GenericFixed) datum).bytes().clone();
      case INT:
        if (Date.LOGICAL_NAME.equals(connect.name())) {
          return new java.util.Date(((Integer) datum) * 86_400_000L);
        }
        if (Time.LOGICAL_NAME.equals(connect.name())) {
          return new java.util.Date((Integer) datum);
        }
        return datum;
      case LONG:
        if (datum instanceof java.time.Instant instant) { // specific records convert timestamp-millis
          return java.util.Date.from(instant);
        }
        return Timestamp.LOGICAL_NAME.equals(connect.name()) ? new java.util.Date((Long) datum) : datum;
      case FLOAT:
      case DOUBLE:
      case BOOLEAN:
        return datum;
      default:
        throw new DataException("Cannot convert Avro " + avro.getType() + " value to Connect");
    }
  }
}
