package dev.groundstream.sinks.jdbc;

import java.util.Locale;

/** How field paths and topics become table and column names. */
public final class SqlNames {
  private SqlNames() {}

  /** requestId -> request_id, hitAt1 -> hit_at1, precisionAt1Iou -> precision_at1_iou. */
  public static String snake(String fieldName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fieldName.length(); i++) {
      char c = fieldName.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return sanitize(out.toString());
  }

  /** Root table name: the format with ${topic} replaced, anything but [a-z0-9_] turned into _. */
  public static String rootTable(String format, String topic) {
    return sanitize(format.replace("${topic}", topic));
  }

  public static String childTable(String parentTable, String arrayFieldName) {
    return parentTable + "_" + snake(arrayFieldName);
  }

  private static String sanitize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }
}
