package dev.groundstream.eval.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.eval.testing.SharedKafka;
import dev.groundstream.schemas.Topics;
import dev.groundstream.testing.SampleRecords;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Results and truth keep their wire bytes through the join stores; old plain-Avro store values still read. */
@ExtendWith(SharedKafka.class)
class FramedSerdeTest {
  private final EvalSerdes serdes = EvalSerdes.of(SharedKafka.registry());
  private final GroundingResult result = SampleRecords.result(3, 2, 4);
  private final byte[] wire = serdes.result().serializer().serialize(Topics.RESULTS, result);

  @Test
  void sourceDecodesOnceAndKeepsTheExactBytes() {
    Framed<GroundingResult> framed = FramedSerde.forSource(serdes.result()).deserializer()
        .deserialize(Topics.RESULTS, wire);
    assertEquals(result, framed.value());
    assertSame(wire, framed.bytes());
  }

  @Test
  void storeWritesTheKeptBytesUnchangedAndReadsThemBack() {
    FramedSerde<GroundingResult> store = FramedSerde.forStore(serdes.result(), GroundingResult.class);
    byte[] stored = store.serializer().serialize("changelog", new Framed<>(result, wire));
    assertSame(wire, stored);
    Framed<GroundingResult> back = store.deserializer().deserialize("changelog", stored);
    assertEquals(result, back.value());
    assertArrayEquals(wire, back.bytes());
  }

  @Test
  void storeReadsValuesWrittenInThePlainAvroFormatOfEarlierVersions() {
    byte[] legacy = new InternalAvroSerde<>(GroundingResult.class).encode(result);
    FramedSerde<GroundingResult> store = FramedSerde.forStore(serdes.result(), GroundingResult.class);

    Framed<GroundingResult> back = store.deserializer().deserialize("changelog", legacy);

    assertEquals(result, back.value());
    assertNull(back.bytes());
    // Stored again, it is written in the registry format, which reads back the same.
    byte[] rewritten = store.serializer().serialize("changelog", back);
    assertEquals(0, rewritten[0]);
    assertEquals(result, store.deserializer().deserialize("changelog", rewritten).value());
  }

  @Test
  void sourceRefusesBytesWithoutTheRegistryHeader() {
    byte[] legacy = new InternalAvroSerde<>(GroundingResult.class).encode(result);
    assertThrows(SerializationException.class,
        () -> FramedSerde.forSource(serdes.result()).deserializer().deserialize(Topics.RESULTS, legacy));
  }

  @Test
  void tombstonesStayNull() {
    assertNull(FramedSerde.forSource(serdes.result()).deserializer().deserialize(Topics.RESULTS, null));
    assertNull(FramedSerde.forStore(serdes.result(), GroundingResult.class).serializer().serialize("c", null));
  }
}
