package dev.groundstream.eval.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Store and repartition encoding of {@link SignalSketch}. */
public final class SignalSketchSerde implements Serde<SignalSketch> {
  @Override
  public Serializer<SignalSketch> serializer() {
    return (topic, sketch) -> sketch == null ? null : sketch.encode();
  }

  @Override
  public Deserializer<SignalSketch> deserializer() {
    return (topic, bytes) -> bytes == null ? null : SignalSketch.decode(bytes);
  }
}
