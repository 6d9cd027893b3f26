package dev.groundstream.eval.streams;

import dev.groundstream.avro.Evaluation;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Internal-topic encoding of an {@link EvaluationDelta}: a marker byte (+2 add, -2 subtract), then the
 * counts in {@link CountsEncoding}. Records written by earlier versions (marker +1/-1, then the Avro
 * evaluation) may still sit in the repartition topic after an upgrade; they are read and counted.
 */
public final class EvaluationDeltaSerde implements Serde<EvaluationDelta> {
  private static final byte ADD = 2;
  private static final byte SUBTRACT = -2;
  private final InternalAvroSerde<Evaluation> legacyEvaluations = new InternalAvroSerde<>(Evaluation.class);

  @Override
  public Serializer<EvaluationDelta> serializer() {
    return (topic, delta) -> {
      if (delta == null) {
        return null;
      }
      ByteBuffer out = ByteBuffer.allocate(1 + CountsEncoding.countsSize(delta.counts()));
      out.put(delta.sign() > 0 ? ADD : SUBTRACT);
      CountsEncoding.writeCounts(out, delta.counts());
      return out.array();
    };
  }

  @Override
  public Deserializer<EvaluationDelta> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }

  private EvaluationDelta decode(byte[] bytes) {
    byte marker = bytes[0];
    if (marker == ADD || marker == SUBTRACT) {
      return new EvaluationDelta(marker == ADD ? 1 : -1, CountsEncoding.readCounts(ByteBuffer.wrap(bytes, 1,
          bytes.length - 1)));
    }
    if (marker == 1 || marker == -1) {
      return EvaluationDelta.of(marker, legacyEvaluations.decode(Arrays.copyOfRange(bytes, 1, bytes.length)));
    }
    throw new IllegalStateException("unknown evaluation delta encoding " + marker);
  }
}
