package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Internal-topic encoding of an {@link EvaluationDelta}: one sign byte, then the Avro evaluation. */
public final class EvaluationDeltaSerde implements Serde<EvaluationDelta> {
  private final InternalAvroSerde<Evaluation> evaluations = new InternalAvroSerde<>(Evaluation.class);

  @Override
  public Serializer<EvaluationDelta> serializer() {
    return (topic, delta) -> {
      if (delta == null) {
        return null;
      }
      byte[] body = evaluations.encode(delta.evaluation());
      byte[] out = new byte[body.length + 1];
      out[0] = (byte) delta.sign();
      System.arraycopy(body, 0, out, 1, body.length);
      return out;
    };
  }

  @Override
  public Deserializer<EvaluationDelta> deserializer() {
    return (topic, bytes) -> bytes == null ? null
        : new EvaluationDelta(bytes[0], evaluations.decode(Arrays.copyOfRange(bytes, 1, bytes.length)));
  }
}
