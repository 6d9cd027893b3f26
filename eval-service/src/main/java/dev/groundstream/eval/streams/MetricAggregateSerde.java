package dev.groundstream.eval.streams;

import dev.groundstream.eval.protocol.CategoryAccumulator;
import dev.groundstream.eval.protocol.CategoryCounts;
import dev.groundstream.eval.protocol.HitMetric;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary encoding of {@link MetricAggregate} for stores and changelogs. Hit metrics are written by
 * name, so adding a metric to {@link HitMetric} keeps old state readable.
 */
public final class MetricAggregateSerde implements Serde<MetricAggregate> {
  private static final byte VERSION = 1;

  @Override
  public Serializer<MetricAggregate> serializer() {
    return (topic, aggregate) -> aggregate == null ? null : encode(aggregate);
  }

  @Override
  public Deserializer<MetricAggregate> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(MetricAggregate aggregate) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      Map<String, CategoryCounts> categories = aggregate.nonZeroCategories();
      out.writeInt(categories.size());
      for (var entry : categories.entrySet()) {
        CategoryCounts counts = entry.getValue();
        out.writeUTF(entry.getKey());
        out.writeLong(counts.evaluablePhrases());
        out.writeLong(counts.attentionPhrases());
        out.writeLong(counts.attentionUnits());
        Map<HitMetric, Long> hits = counts.hits();
        out.writeInt(hits.size());
        for (var hit : hits.entrySet()) {
          out.writeUTF(hit.getKey().name());
          out.writeLong(hit.getValue());
        }
      }
      Set<String> seen = aggregate.seenCategories();
      out.writeInt(seen.size());
      for (String category : seen) {
        out.writeUTF(category);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MetricAggregate decode(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown MetricAggregate encoding " + version);
      }
      Map<String, CategoryCounts> categories = new TreeMap<>();
      int categoryCount = in.readInt();
      for (int i = 0; i < categoryCount; i++) {
        String name = in.readUTF();
        long evaluable = in.readLong();
        long attentionPhrases = in.readLong();
        long attentionUnits = in.readLong();
        Map<HitMetric, Long> hits = new EnumMap<>(HitMetric.class);
        int hitCount = in.readInt();
        for (int h = 0; h < hitCount; h++) {
          hits.put(HitMetric.valueOf(in.readUTF()), in.readLong());
        }
        categories.put(name, CategoryCounts.of(evaluable, hits, attentionPhrases, attentionUnits));
      }
      Set<String> seen = new HashSet<>();
      int seenCount = in.readInt();
      for (int i = 0; i < seenCount; i++) {
        seen.add(in.readUTF());
      }
      return new MetricAggregate(CategoryAccumulator.of(categories), seen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
