package dev.groundstream.eval.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro records as plain JSON for the REST API: field names as in the schema, timestamps as epoch
 * milliseconds (easy to chart), enums and UUIDs as strings, bytes as base64, non-finite floats as
 * null (JSON has no NaN).
 */
public final class AvroJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  public static ObjectNode toJson(SpecificRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), value(record.get(field.pos())));
    }
    return node;
  }

  public static ArrayNode toJson(Collection<? extends SpecificRecord> records) {
    ArrayNode array = NODES.arrayNode();
    records.forEach(r -> array.add(toJson(r)));
    return array;
  }

  static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof SpecificRecord record) {
      return toJson(record);
    }
    if (value instanceof Instant instant) {
      return NODES.numberNode(instant.toEpochMilli());
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f) ? NODES.numberNode(f) : NODES.nullNode();
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
    }
    if (value instanceof ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] raw = new byte[copy.remaining()];
      copy.get(raw);
      return NODES.textNode(Base64.getEncoder().encodeToString(raw));
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
      return object;
    }
    if (value instanceof UUID || value instanceof CharSequence || value instanceof Enum<?>) {
      return NODES.textNode(value.toString());
    }
    return NODES.textNode(value.toString());
  }

  /** A double that JSON can carry: non-finite becomes null. */
  public static JsonNode number(double value) {
    return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
  }
}
