package dev.groundstream.sinks.converter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.schemas.serde.AvroDeserializer;
import dev.groundstream.schemas.serde.AvroSerializer;
import dev.groundstream.sinks.testing.InMemorySchemaRegistry;
import dev.groundstream.testing.SampleRecords;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Avro -> Connect -> Avro for every key and value record of every topic. */
class AvroConverterTest {
  private static final String TOPIC = "roundtrip";

  static Stream<SpecificRecord> everyRecord() {
    return SampleRecords.everyTopicRecord().stream();
  }

  private static byte[] serialize(InMemorySchemaRegistry registry, SpecificRecord record) {
    try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, false, true)) {
      return serializer.serialize(TOPIC, record);
    }
  }

  private static Object deserialize(InMemorySchemaRegistry registry, SpecificRecord original, byte[] bytes) {
    try (AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry, original.getSchema())) {
      return deserializer.deserialize(TOPIC, bytes);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecord")
  void roundTripsThroughTheSameConverter(SpecificRecord original) {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    AvroConverter converter = new AvroConverter(registry, false, true);
    byte[] bytes = serialize(registry, original);
    SchemaAndValue connect = converter.toConnectData(TOPIC, bytes);
    byte[] back = converter.fromConnectData(TOPIC, connect.schema(), connect.value());
    assertEquals(original, deserialize(registry, original, back));
    assertEquals(bytes.length, back.length, "same schema id and payload size");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecord")
  void roundTripsThroughAFreshConverterThatRebuildsTheAvroSchema(SpecificRecord original) {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    SchemaAndValue connect = new AvroConverter(registry, false, true).toConnectData(TOPIC, serialize(registry, original));
    // Like a Struct from another converter or a transform: no memory of the original Avro schema.
    byte[] back = new AvroConverter(registry, false, true).fromConnectData(TOPIC, connect.schema(), connect.value());
    assertEquals(original, deserialize(registry, original, back));
  }

  @Test
  void mapsAvroTypesToTheConnectTypesSinksExpect() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    AvroConverter converter = new AvroConverter(registry, false, true);
    GroundingResult result = SampleRecords.result(1, 2, 1);
    SchemaAndValue connect = converter.toConnectData(TOPIC, serialize(registry, result));
    Schema schema = connect.schema();
    Struct value = (Struct) connect.value();

    assertEquals("dev.groundstream.avro.GroundingResult", schema.name());
    assertEquals(Schema.Type.STRING, schema.field("requestId").schema().type());
    assertEquals(result.getRequestId().toString(), value.getString("requestId"));
    assertEquals(Timestamp.LOGICAL_NAME, schema.field("producedAt").schema().name());
    assertEquals(Date.from(result.getProducedAt()), value.get("producedAt"));
    Schema phrase = schema.field("phrases").schema().valueSchema();
    assertTrue(phrase.field("point").schema().isOptional(), "union with null is optional");
    Schema type = phrase.field("types").schema().valueSchema();
    assertEquals(Schema.Type.STRING, type.type());
    assertEquals("dev.groundstream.avro.PhraseType", type.parameters().get(ConnectAvroParameters.ENUM));
    assertEquals("people", ((Struct) value.getArray("phrases").get(0)).getArray("types").get(0));
    assertNull(((Struct) value.getArray("phrases").get(1)).get("point"));
    assertEquals(Schema.Type.FLOAT32, phrase.field("boxes").schema().valueSchema().field("x1").schema().type());
    assertEquals(Schema.Type.FLOAT64, schema.field("timings").schema().field("totalMs").schema().type());
    assertEquals("cpu", schema.field("device").schema().defaultValue());
  }

  @Test
  void theSameWriterSchemaGivesTheSameConnectSchemaInstance() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    AvroConverter converter = new AvroConverter(registry, false, true);
    Schema first = converter.toConnectData(TOPIC, serialize(registry, SampleRecords.evaluation(1))).schema();
    Schema second = converter.toConnectData(TOPIC, serialize(registry, SampleRecords.evaluation(2))).schema();
    assertTrue(first == second, "sinks cache per schema instance");
  }

  @Test
  void aRecordWithoutTheConfluentFramingIsADataExceptionNamingTheProblem() {
    AvroConverter converter = new AvroConverter(new InMemorySchemaRegistry(), false, true);
    DataException badMagic = assertThrows(DataException.class,
        () -> converter.toConnectData(TOPIC, new byte[] {0x7f, 0, 0, 0, 1, 2}));
    assertTrue(badMagic.getMessage().contains("magic byte 0x7f"), badMagic.getMessage());
    DataException unknownId = assertThrows(DataException.class,
        () -> converter.toConnectData(TOPIC, new byte[] {0, 0, 0, 0, 42, 2}));
    assertTrue(unknownId.getMessage().contains("42"), unknownId.getMessage());
  }

  @Test
  void nullsAreTombstones() {
    AvroConverter converter = new AvroConverter(new InMemorySchemaRegistry(), false, true);
    assertEquals(SchemaAndValue.NULL, converter.toConnectData(TOPIC, null));
    assertNull(converter.fromConnectData(TOPIC, null, null));
  }

  @Test
  void withoutAutoRegisterAnUnknownSchemaIsRefused() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Evaluation evaluation = SampleRecords.evaluation(1);
    SchemaAndValue connect = new AvroConverter(registry, false, true).toConnectData(TOPIC, serialize(registry, evaluation));
    AvroConverter lookupOnly = new AvroConverter(registry, false, false);
    assertThrows(DataException.class, () -> lookupOnly.fromConnectData("other-topic", connect.schema(), connect.value()));
    assertEquals(List.of(TOPIC + "-value"), registry.subjects());
  }
}
