package dev.groundstream.sinks.converter;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect schemas and values back to Avro: the inverse of {@link AvroToConnect}. Optional schemas
 * become unions with null first (default null), enum parameters become Avro enums again, Connect's
 * logical types become Avro's. Generated Avro schemas are cached per Connect schema.
 */
public final class ConnectToAvro {
  private static final String DEFAULT_RECORD_NAME = "dev.groundstream.connect.ConnectRecord";
  private final Map<Schema, org.apache.avro.Schema> schemas = new ConcurrentHashMap<>();

  public org.apache.avro.Schema toAvroSchema(Schema connect) {
    return schemas.computeIfAbsent(connect, c -> build(c, new HashMap<>()));
  }

  /** {@code named} holds the record/enum/fixed types defined so far: Avro allows one definition each. */
  private org.apache.avro.Schema build(Schema connect, Map<String, org.apache.avro.Schema> named) {
    org.apache.avro.Schema type = nonOptional(connect, named);
    return connect.isOptional()
        ? org.apache.avro.Schema.createUnion(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), type)
        : type;
  }

  private org.apache.avro.Schema nonOptional(Schema connect, Map<String, org.apache.avro.Schema> named) {
    String logical = connect.name();
    if (Timestamp.LOGICAL_NAME.equals(logical)) {
      return LogicalTypes.timestampMillis().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
    }
    if (Date.LOGICAL_NAME.equals(logical)) {
      return LogicalTypes.date().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
    }
    if (Time.LOGICAL_NAME.equals(logical)) {
      return LogicalTypes.timeMillis().addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
    }
    if (Decimal.LOGICAL_NAME.equals(logical)) {
      int scale = Integer.parseInt(connect.parameters().get(Decimal.SCALE_FIELD));
      int precision = Integer.parseInt(connect.parameters().getOrDefault("connect.decimal.precision", "38"));
      return LogicalTypes.decimal(precision, scale).addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES));
    }
    Map<String, String> params = connect.parameters() == null ? Map.of() : connect.parameters();
    switch (connect.type()) {
      case STRUCT:
        return record(connect, named);
      case STRING:
        if (params.containsKey(ConnectAvroParameters.ENUM)) {
          return named.computeIfAbsent(params.get(ConnectAvroParameters.ENUM), name -> enumOf(name, params));
        }
        if (params.containsKey(ConnectAvroParameters.LOGICAL_TYPE)) {
          org.apache.avro.Schema string = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
          return "uuid".equals(params.get(ConnectAvroParameters.LOGICAL_TYPE))
              ? LogicalTypes.uuid().addToSchema(string) : string;
        }
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
      case BYTES:
        if (params.containsKey(ConnectAvroParameters.FIXED_SIZE)) {
          return named.computeIfAbsent(connect.name(), name -> SchemaBuilder.fixed(name)
              .size(Integer.parseInt(params.get(ConnectAvroParameters.FIXED_SIZE))));
        }
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES);
      case ARRAY:
        return org.apache.avro.Schema.createArray(build(connect.valueSchema(), named));
      case MAP:
        if (connect.keySchema().type() != Schema.Type.STRING) {
          throw new DataException("Avro maps need string keys; got " + connect.keySchema().type());
        }
        return org.apache.avro.Schema.createMap(build(connect.valueSchema(), named));
      case INT8:
      case INT16:
      case INT32:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
      case INT64:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
      case FLOAT32:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.FLOAT);
      case FLOAT64:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
      case BOOLEAN:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
      default:
        throw new DataException("Connect type " + connect.type() + " has no Avro mapping");
    }
  }

  private org.apache.avro.Schema record(Schema connect, Map<String, org.apache.avro.Schema> named) {
    String fullName = connect.name() == null ? DEFAULT_RECORD_NAME : connect.name();
    org.apache.avro.Schema known = named.get(fullName);
    if (known != null) {
      return known;
    }
    int dot = fullName.lastIndexOf('.');
    org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(
        dot < 0 ? fullName : fullName.substring(dot + 1), connect.doc(),
        dot < 0 ? null : fullName.substring(0, dot), false);
    named.put(fullName, record);
    List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
    for (Field field : connect.fields()) {
      org.apache.avro.Schema fieldSchema = build(field.schema(), named);
      fields.add(new org.apache.avro.Schema.Field(field.name(), fieldSchema, null, avroDefault(field.schema())));
    }
    record.setFields(fields);
    return record;
  }

  private static org.apache.avro.Schema enumOf(String fullName, Map<String, String> params) {
    List<String> symbols = new ArrayList<>();
    params.forEach((key, value) -> {
      if (key.startsWith(ConnectAvroParameters.ENUM_SYMBOL_PREFIX)) {
        symbols.add(value);
      }
    });
    int dot = fullName.lastIndexOf('.');
    return org.apache.avro.Schema.createEnum(dot < 0 ? fullName : fullName.substring(dot + 1), null,
        dot < 0 ? null : fullName.substring(0, dot), symbols);
  }

  private static Object avroDefault(Schema connect) {
    if (connect.isOptional()) {
      return JsonProperties.NULL_VALUE; // unions put null first, so null is a legal default
    }
    Object value = connect.defaultValue();
    if (value instanceof java.util.Date date) {
      return Timestamp.LOGICAL_NAME.equals(connect.name()) ? date.getTime() : null;
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value instanceof Number || value instanceof Boolean || value instanceof String ? value : null;
  }

  /** Converts a Connect value of {@code connect} into a generic datum of {@code avro}. */
  public Object toAvroValue(Schema connect, org.apache.avro.Schema avro, Object value) {
    if (value == null) {
      if (!connect.isOptional() && connect.defaultValue() == null) {
        throw new DataException("Null value for required schema " + describe(connect));
      }
      value = connect.defaultValue();
      if (value == null) {
        return null;
      }
    }
    if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
      return toAvroValue(connect, AvroToConnect.nonNullBranch(avro), value);
    }
    switch (avro.getType()) {
      case RECORD: {
        Struct struct = (Struct) value;
        GenericData.Record record = new GenericData.Record(avro);
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
          Field connectField = connect.field(field.name());
          if (connectField == null) {
            throw new DataException("Struct " + describe(connect) + " has no field " + field.name());
          }
          record.put(field.pos(), toAvroValue(connectField.schema(), field.schema(), struct.get(connectField)));
        }
        return record;
      }
      case ENUM:
        return new GenericData.EnumSymbol(avro, value.toString());
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (Object element : (List<?>) value) {
          out.add(toAvroValue(connect.valueSchema(), avro.getElementType(), element));
        }
        return new GenericData.Array<>(avro, out);
      }
      case MAP: {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) ->
            out.put(k.toString(), toAvroValue(connect.valueSchema(), avro.getValueType(), v)));
        return out;
      }
      case STRING:
        return value.toString();
      case BYTES:
        if (value instanceof BigDecimal decimal) {
          return ByteBuffer.wrap(Decimal.fromLogical(connect, decimal));
        }
        return value instanceof ByteBuffer buffer ? buffer.duplicate() : ByteBuffer.wrap((byte[]) value);
      case FIXED:
        return new GenericData.Fixed(avro, value instanceof ByteBuffer b ? toArray(b) : (byte[]) value);
      case INT:
        if (value instanceof java.util.Date date) {
          return Date.LOGICAL_NAME.equals(connect.name())
              ? (int) Math.floorDiv(date.getTime(), 86_400_000L) : (int) date.getTime();
        }
        return ((Number) value).intValue();
      case LONG:
        return value instanceof java.util.Date date ? date.getTime() : ((Number) value).longValue();
      case FLOAT:
        return ((Number) value).floatValue();
      case DOUBLE:
        return ((Number) value).doubleValue();
      case BOOLEAN:
        return value;
      default:
        throw new DataException("Cannot convert Connect value to Avro " + avro.getType());
    }
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static String describe(Schema schema) {
    return schema.name() != null ? schema.name() : schema.type().toString();
  }
}
