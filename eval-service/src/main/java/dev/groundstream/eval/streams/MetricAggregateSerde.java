package dev.groundstream.eval.streams;

import dev.groundstream.eval.protocol.CategoryAccumulator;
import dev.groundstream.eval.protocol.CategoryCounts;
import dev.groundstream.eval.protocol.HitMetric;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary encoding of {@link MetricAggregate} for stores and changelogs: version 2 is the positional
 * {@link CountsEncoding} (its layout header keeps metric changes readable), then the seen categories.
 * Version 1 (hit metrics by name per category) is still read, for state written by earlier versions.
 */
public final class MetricAggregateSerde implements Serde<MetricAggregate> {
  private static final byte VERSION_1 = 1;
  private static final byte VERSION = 2;

  @Override
  public Serializer<MetricAggregate> serializer() {
    return (topic, aggregate) -> aggregate == null ? null : encode(aggregate);
  }

  @Override
  public Deserializer<MetricAggregate> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  static byte[] encode(MetricAggregate aggregate) {
    Set<String> seen = aggregate.seenCategoriesView();
    ByteBuffer out = ByteBuffer.allocate(1 + CountsEncoding.countsSize(aggregate.accumulator())
        + CountsEncoding.namesSize(seen));
    out.put(VERSION);
    CountsEncoding.writeCounts(out, aggregate.accumulator());
    CountsEncoding.writeNames(out, seen);
    return out.array();
  }

  static MetricAggregate decode(byte[] data) {
    if (data.length > 0 && data[0] == VERSION) {
      ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
      CategoryAccumulator counts = CountsEncoding.readCounts(in);
      Set<String> seen = new HashSet<>();
      CountsEncoding.readNames(in, seen);
      return new MetricAggregate(counts, seen);
    }
    return decodeVersion1(data);
  }

  private static MetricAggregate decodeVersion1(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      byte version = in.readByte();
      if (version != VERSION_1) {
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
