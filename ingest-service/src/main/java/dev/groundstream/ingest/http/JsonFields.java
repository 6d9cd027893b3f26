package dev.groundstream.ingest.http;

import dev.groundstream.ingest.InvalidInputException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of client JSON that answer 400 (not 500) when a field has the wrong type. */
final class JsonFields {
  private JsonFields() {}

  static String string(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw wrongType(field, "a string");
    }
    return s;
  }

  static Integer integer(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() != ((Number) v).intValue()) {
      throw wrongType(field, "an integer");
    }
    return ((Number) v).intValue();
  }

  static boolean bool(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean b)) {
      throw wrongType(field, "a boolean");
    }
    return b;
  }

  static JsonObject object(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonObject j)) {
      throw wrongType(field, "an object");
    }
    return j;
  }

  static JsonArray array(JsonObject o, String field) {
    Object v = o.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      throw wrongType(field, "an array");
    }
    return a;
  }

  static List<String> strings(JsonObject o, String field) {
    JsonArray a = array(o, field);
    if (a == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object v : a) {
      if (!(v instanceof String s)) {
        throw wrongType(field + "[]", "a string");
      }
      out.add(s);
    }
    return out;
  }

  /** [[x1, y1, x2, y2], ...] */
  static List<double[]> boxes(JsonObject o, String field) {
    JsonArray a = array(o, field);
    if (a == null) {
      return null;
    }
    List<double[]> out = new ArrayList<>();
    for (Object box : a) {
      if (!(box instanceof JsonArray coords)) {
        throw wrongType(field + "[]", "an array [x1, y1, x2, y2]");
      }
      double[] values = new double[coords.size()];
      for (int i = 0; i < values.length; i++) {
        if (!(coords.getValue(i) instanceof Number n)) {
          throw wrongType(field + "[][]", "a number");
        }
        values[i] = n.doubleValue();
      }
      out.add(values);
    }
    return out;
  }

  static InvalidInputException wrongType(String field, String expected) {
    return InvalidInputException.badRequest("bad_json", "'" + field + "' must be " + expected);
  }
}
