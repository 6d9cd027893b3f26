package dev.groundstream.eval.streams;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Repartition encoding of a {@link ModelDatasetUpdate}: a flags byte (bit 0 removed, bit 1 added,
 * bit 2 sketch), then each present part as an int length and its own encoding
 * ({@link EvaluationDeltaSerde}, {@link SignalSketch#encode}).
 */
public final class ModelDatasetUpdateSerde implements Serde<ModelDatasetUpdate> {
  private final EvaluationDeltaSerde deltas = new EvaluationDeltaSerde();

  @Override
  public Serializer<ModelDatasetUpdate> serializer() {
    Serializer<EvaluationDelta> delta = deltas.serializer();
    return (topic, update) -> {
      if (update == null) {
        return null;
      }
      byte[] removed = update.removed() == null ? null : delta.serialize(topic, update.removed());
      byte[] added = update.added() == null ? null : delta.serialize(topic, update.added());
      byte[] sketch = update.sketch() == null ? null : update.sketch().encode();
      ByteBuffer out = ByteBuffer.allocate(1 + size(removed) + size(added) + size(sketch));
      out.put((byte) ((removed != null ? 1 : 0) | (added != null ? 2 : 0) | (sketch != null ? 4 : 0)));
      put(out, removed);
      put(out, added);
      put(out, sketch);
      return out.array();
    };
  }

  @Override
  public Deserializer<ModelDatasetUpdate> deserializer() {
    Deserializer<EvaluationDelta> delta = deltas.deserializer();
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(bytes);
      int flags = in.get();
      if ((flags & ~7) != 0) {
        throw new IllegalStateException("unknown model-dataset update flags " + flags);
      }
      EvaluationDelta removed = (flags & 1) != 0 ? delta.deserialize(topic, take(in)) : null;
      EvaluationDelta added = (flags & 2) != 0 ? delta.deserialize(topic, take(in)) : null;
      SignalSketch sketch = (flags & 4) != 0 ? SignalSketch.decode(take(in)) : null;
      return new ModelDatasetUpdate(removed, added, sketch);
    };
  }

  private static int size(byte[] part) {
    return part == null ? 0 : Integer.BYTES + part.length;
  }

  private static void put(ByteBuffer out, byte[] part) {
    if (part != null) {
      out.putInt(part.length).put(part);
    }
  }

  private static byte[] take(ByteBuffer in) {
    int length = in.getInt();
    int from = in.position();
    in.position(from + length);
    return Arrays.copyOfRange(in.array(), from, from + length);
  }
}
