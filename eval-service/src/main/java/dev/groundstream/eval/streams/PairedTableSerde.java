package dev.groundstream.eval.streams;

import dev.groundstream.eval.protocol.HitMetric;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Store encoding of a {@link PairedTable}: version byte, a layout header (metric names, category
 * names), then only the non-zero cells as (short position, long count). A table written by code with
 * other metrics or categories is read by name; cells of names this code does not know are dropped.
 */
public final class PairedTableSerde implements Serde<PairedTable> {
  private static final byte VERSION = 1;
  private static final byte[] LAYOUT = layout();

  private static byte[] layout() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeShort(PairedTable.METRICS.length);
      for (HitMetric metric : PairedTable.METRICS) {
        out.writeUTF(metric.name());
      }
      out.writeShort(PairedTable.CATEGORIES.size());
      for (String category : PairedTable.CATEGORIES) {
        out.writeUTF(category);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Serializer<PairedTable> serializer() {
    return (topic, table) -> table == null ? null : encode(table);
  }

  @Override
  public Deserializer<PairedTable> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(PairedTable table) {
    long[] cells = table.cells();
    int nonZero = 0;
    for (long cell : cells) {
      nonZero += cell != 0 ? 1 : 0;
    }
    ByteBuffer out = ByteBuffer.allocate(1 + LAYOUT.length + Integer.BYTES + nonZero * (Short.BYTES + Long.BYTES));
    out.put(VERSION).put(LAYOUT).putInt(nonZero);
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] != 0) {
        out.putShort((short) i).putLong(cells[i]);
      }
    }
    return out.array();
  }

  static PairedTable decode(byte[] bytes) {
    if (bytes[0] != VERSION) {
      throw new IllegalStateException("unknown paired table encoding " + bytes[0]);
    }
    long[] cells = new long[PairedTable.CELLS];
    if (bytes.length > LAYOUT.length && ByteBuffer.wrap(bytes, 1, LAYOUT.length).equals(ByteBuffer.wrap(LAYOUT))) {
      ByteBuffer in = ByteBuffer.wrap(bytes, 1 + LAYOUT.length, bytes.length - 1 - LAYOUT.length);
      for (int n = in.getInt(); n > 0; n--) {
        int at = in.getShort();
        cells[at] = in.getLong();
      }
      return new PairedTable(cells);
    }
    return new PairedTable(decodeByName(bytes));
  }

  private static long[] decodeByName(byte[] bytes) {
    try {
      DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 1, bytes.length - 1));
      List<Integer> metrics = new ArrayList<>();
      for (int n = in.readShort(); n > 0; n--) {
        String name = in.readUTF();
        metrics.add(java.util.Arrays.stream(PairedTable.METRICS).filter(m -> m.name().equals(name))
            .findFirst().map(Enum::ordinal).orElse(-1));
      }
      List<Integer> categories = new ArrayList<>();
      for (int n = in.readShort(); n > 0; n--) {
        categories.add(PairedTable.CATEGORIES.indexOf(in.readUTF()));
      }
      long[] cells = new long[PairedTable.CELLS];
      for (int n = in.readInt(); n > 0; n--) {
        int at = in.readShort();
        long count = in.readLong();
        int metric = metrics.get(at / 4 / categories.size());
        int category = categories.get(at / 4 % categories.size());
        if (metric >= 0 && category >= 0) {
          cells[PairedTable.index(metric, category, at % 4)] = count;
        }
      }
      return cells;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
