package dev.groundstream.eval.streams;

import dev.groundstream.eval.protocol.Categories;
import dev.groundstream.eval.protocol.CategoryAccumulator;
import dev.groundstream.eval.protocol.CategoryCounts;
import dev.groundstream.eval.protocol.HitMetric;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Positional binary encoding of per-category counts, shared by the aggregate store values and the
 * delta repartition topic. It runs once per window per update (13 windows per evaluation by default),
 * so it avoids names per value: a layout header (the {@link HitMetric} names in ordinal order) comes
 * first, and when it equals this code's layout the hit counts are read by position. A header written
 * by code with other metrics is read by name, so adding or removing a metric keeps old state readable.
 * Known categories are one byte (their index in {@link Categories#names()}); others are spelled out.
 */
final class CountsEncoding {
  private static final HitMetric[] METRICS = HitMetric.values();
  private static final List<String> KNOWN_CATEGORIES = Categories.names();
  private static final byte SPELLED_CATEGORY = -1;
  /** int count, then each metric name as modified UTF-8 (DataOutput.writeUTF). */
  private static final byte[] LAYOUT = layout();

  private CountsEncoding() {}

  private static byte[] layout() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(METRICS.length);
      for (HitMetric metric : METRICS) {
        out.writeUTF(metric.name());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes {@link #writeCounts} will take. */
  static int countsSize(CategoryAccumulator counts) {
    int[] size = {LAYOUT.length + Short.BYTES};
    counts.forEachCategory((category, ignored) -> size[0] += categorySize(category) + Long.BYTES * (3 + METRICS.length));
    return size[0];
  }

  static void writeCounts(ByteBuffer out, CategoryAccumulator accumulator) {
    out.put(LAYOUT);
    out.putShort((short) accumulator.categoryCount());
    accumulator.forEachCategory((category, counts) -> {
      writeCategory(out, category);
      out.putLong(counts.evaluablePhrases());
      out.putLong(counts.attentionPhrases());
      out.putLong(counts.attentionUnits());
      for (HitMetric metric : METRICS) {
        out.putLong(counts.hits(metric));
      }
    });
  }

  static CategoryAccumulator readCounts(ByteBuffer in) {
    HitMetric[] columns = readLayout(in);
    int categoryCount = in.getShort();
    Map<String, CategoryCounts> categories = new LinkedHashMap<>();
    long[] hits = new long[METRICS.length];
    for (int i = 0; i < categoryCount; i++) {
      String name = readCategory(in);
      long evaluable = in.getLong();
      long attentionPhrases = in.getLong();
      long attentionUnits = in.getLong();
      Arrays.fill(hits, 0L);
      for (HitMetric column : columns) {
        long value = in.getLong();
        if (column != null) { // a metric this code no longer knows is skipped
          hits[column.ordinal()] = value;
        }
      }
      categories.put(name, CategoryCounts.ofOrdinals(evaluable, hits, attentionPhrases, attentionUnits));
    }
    return CategoryAccumulator.of(categories);
  }

  static int namesSize(Collection<String> categories) {
    int size = Short.BYTES;
    for (String category : categories) {
      size += categorySize(category);
    }
    return size;
  }

  static void writeNames(ByteBuffer out, Collection<String> categories) {
    out.putShort((short) categories.size());
    for (String category : categories) {
      writeCategory(out, category);
    }
  }

  static void readNames(ByteBuffer in, Collection<String> into) {
    int count = in.getShort();
    for (int i = 0; i < count; i++) {
      into.add(readCategory(in));
    }
  }

  /** The metric of each stored column; null for a column this code does not know. */
  private static HitMetric[] readLayout(ByteBuffer in) {
    int at = in.position();
    if (in.remaining() >= LAYOUT.length
        && Arrays.equals(in.array(), in.arrayOffset() + at, in.arrayOffset() + at + LAYOUT.length, LAYOUT, 0, LAYOUT.length)) {
      in.position(at + LAYOUT.length);
      return METRICS;
    }
    int count = in.getInt();
    HitMetric[] columns = new HitMetric[count];
    for (int i = 0; i < count; i++) {
      String name = readUtf(in);
      columns[i] = Arrays.stream(METRICS).filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
    return columns;
  }

  private static int categorySize(String category) {
    return Categories.indexOf(category) >= 0 ? 1 : 1 + Short.BYTES + category.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void writeCategory(ByteBuffer out, String category) {
    int known = Categories.indexOf(category);
    if (known >= 0) {
      out.put((byte) known);
    } else {
      byte[] name = category.getBytes(StandardCharsets.UTF_8);
      out.put(SPELLED_CATEGORY);
      out.putShort((short) name.length);
      out.put(name);
    }
  }

  private static String readCategory(ByteBuffer in) {
    byte code = in.get();
    if (code != SPELLED_CATEGORY) {
      return KNOWN_CATEGORIES.get(code);
    }
    byte[] name = new byte[in.getShort()];
    in.get(name);
    return new String(name, StandardCharsets.UTF_8);
  }

  /** Reads a DataOutput.writeUTF string (the layout header's metric names are ASCII). */
  private static String readUtf(ByteBuffer in) {
    byte[] bytes = new byte[in.getShort() & 0xFFFF];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
