package dev.groundstream.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.CachingSchemaRegistryClient;
import dev.groundstream.schemas.registry.client.RestSchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.registry.server.BrokerAndRegistry;
import dev.groundstream.testing.SampleRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;
import org.apache.flink.formats.avro.registry.confluent.ConfluentSchemaRegistryCoder;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our serializers against our registry server on a real broker, checked byte for byte against
 * Confluent's own client and coder (shaded inside Flink's confluent-registry jar).
 */
class AvroSerdeIntegrationTest {
  @RegisterExtension
  static final BrokerAndRegistry STACK = new BrokerAndRegistry();
  private static SchemaRegistryClient client;

  @BeforeAll
  static void start() throws Exception {
    client = new CachingSchemaRegistryClient(new RestSchemaRegistryClient(RegistryConnection.of(STACK.server().url())));
  }

  @Test
  void everyTopicRecordRoundTripsThroughTheRegistry() {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(client, false, true);
    AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>(client, null);
    for (SpecificRecord record : SampleRecords.everyTopicRecord()) {
      String topic = "roundtrip." + record.getSchema().getName();
      byte[] bytes = serializer.serialize(topic, record);
      assertEquals(WireFormat.MAGIC, bytes[0]);
      int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
      assertEquals(record.getSchema(), client.schemaById(id));
      assertEquals(record, deserializer.deserialize(topic, bytes), record.getSchema().getName());
    }
  }

  @Test
  void streamsSerdeWritesKeysAndValuesUnderTheirOwnSubjects() {
    RegistryConnection connection = RegistryConnection.of(STACK.server().url());
    AvroSerde<RequestKey> keys = AvroSerde.of(connection, RequestKey.class, true);
    AvroSerde<GroundingResult> values = AvroSerde.of(connection, GroundingResult.class, false);
    RequestKey key = new RequestKey(SampleRecords.requestId(5));
    GroundingResult value = SampleRecords.result(5, 2, 3);
    assertEquals(key, keys.deserializer().deserialize("serde.topic", keys.serializer().serialize("serde.topic", key)));
    assertEquals(value, values.deserializer().deserialize("serde.topic", values.serializer().serialize("serde.topic", value)));
    assertTrue(client.subjects().containsAll(List.of("serde.topic-key", "serde.topic-value")));
  }

  @Test
  void configuredThroughKafkaPropertiesLikeAnyOtherSerializer() {
    Map<String, Object> config = RegistryConnection.of(STACK.server().url()).serdeConfig();
    try (AvroSerializer<RequestKey> serializer = new AvroSerializer<>();
        AvroDeserializer<RequestKey> deserializer = new AvroDeserializer<>()) {
      serializer.configure(config, true);
      deserializer.configure(config, true);
      RequestKey key = new RequestKey(SampleRecords.requestId(7));
      byte[] bytes = serializer.serialize(Topics.REQUESTS, key);
      assertEquals(key, deserializer.deserialize(Topics.REQUESTS, bytes));
      assertTrue(client.subjects().contains("grounding.requests-key"));
    }
  }

  @Test
  void ourBytesEqualConfluentCoderBytesAndDecodeBothWays() throws Exception {
    GroundingResult result = SampleRecords.result(3, 5, 10);
    String topic = "interop.results";
    byte[] ours = new AvroSerializer<GroundingResult>(client, false, true).serialize(topic, result);

    // Confluent's coder reads our header and resolves the writer schema through our registry.
    CachedSchemaRegistryClient confluent = new CachedSchemaRegistryClient(STACK.server().url(), 100);
    ConfluentSchemaRegistryCoder coder = new ConfluentSchemaRegistryCoder(topic + "-value", confluent);
    ByteArrayInputStream in = new ByteArrayInputStream(ours);
    Schema writer = coder.readSchema(in);
    GenericRecord decoded = new GenericDatumReader<GenericRecord>(writer)
        .read(null, DecoderFactory.get().binaryDecoder(in, null));
    assertEquals(result.getRequestId().toString(), decoded.get("requestId").toString());
    assertEquals(5, ((List<?>) decoded.get("phrases")).size());

    // Confluent's side writes the same record: the bytes must be identical.
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    coder.writeSchema(writer, theirs);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(theirs, null);
    new GenericDatumWriter<GenericRecord>(writer).write(decoded, encoder);
    encoder.flush();
    assertArrayEquals(ours, theirs.toByteArray());

    // And what Confluent wrote, we read back into the generated class.
    GroundingResult back = new AvroDeserializer<GroundingResult>(client, GroundingResult.getClassSchema())
        .deserialize(topic, theirs.toByteArray());
    assertEquals(result, back);
  }

  @Test
  void lookupModeFailsClearlyWhenTheSubjectIsNotRegistered() {
    AvroSerializer<RequestKey> serializer = new AvroSerializer<>(client, true, false);
    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer.serialize("never.registered", new RequestKey(SampleRecords.requestId(1))));
    assertTrue(e.getMessage().contains("'never.registered-key'"), e.getMessage());
    assertTrue(e.getMessage().contains("40401"), e.getMessage());
  }

  @Test
  void wrongMagicByteAndUnknownIdAreClearErrors() {
    AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>(client, null);
    SerializationException magic = assertThrows(SerializationException.class,
        () -> deserializer.deserialize("grounding.results", "{\"json\":true}".getBytes()));
    assertTrue(magic.getMessage().contains("grounding.results") && magic.getMessage().contains("0x7b"),
        magic.getMessage());
    SerializationException unknown = assertThrows(SerializationException.class,
        () -> deserializer.deserialize("grounding.results", new byte[] {0, 0, 0, 0x7f, 0x7f, 2}));
    assertTrue(unknown.getMessage().contains("schema id 32639") && unknown.getMessage().contains("40403"),
        unknown.getMessage());
    SerializationException shortRecord = assertThrows(SerializationException.class,
        () -> deserializer.deserialize("grounding.results", new byte[] {0, 1}));
    assertTrue(shortRecord.getMessage().contains("too short"), shortRecord.getMessage());
  }

  @Test
  void consumerReportsTopicPartitionAndOffsetOfABadRecord() throws Exception {
    String topic = "bad.records";
    try (var admin = STACK.kafka().admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }
    RequestKey key = new RequestKey(SampleRecords.requestId(1));
    byte[] good = new AvroSerializer<RequestKey>(client, false, true).serialize(topic, key);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", STACK.kafka().bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, 1, null, good)).get();
      producer.send(new ProducerRecord<>(topic, 1, null, new byte[] {0x42, 0, 0, 0, 1})).get();
    }
    Map<String, Object> config = new HashMap<>(RegistryConnection.of(STACK.server().url()).serdeConfig());
    config.put("bootstrap.servers", STACK.kafka().bootstrapServers());
    try (KafkaConsumer<byte[], SpecificRecord> consumer = new KafkaConsumer<>(config,
        new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new AvroDeserializer<>(client, null))) {
      TopicPartition partition = new TopicPartition(topic, 1);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      ConsumerRecords<byte[], SpecificRecord> first = consumer.poll(Duration.ofSeconds(10));
      assertEquals(key, first.iterator().next().value());
      RecordDeserializationException e = assertThrows(RecordDeserializationException.class, () -> {
        for (int i = 0; i < 20; i++) {
          consumer.poll(Duration.ofMillis(500));
        }
      });
      assertEquals(partition, e.topicPartition());
      assertEquals(1, e.offset());
      assertInstanceOf(SerializationException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("0x42"), e.getCause().getMessage());
    }
  }
}
