package dev.groundstream.eval.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Store encoding of {@link AlertState}. */
public final class AlertStateSerde implements Serde<AlertState> {
  @Override
  public Serializer<AlertState> serializer() {
    return (topic, state) -> state == null ? null : state.encode();
  }

  @Override
  public Deserializer<AlertState> deserializer() {
    return (topic, bytes) -> bytes == null ? null : AlertState.decode(bytes);
  }
}
