package dev.groundstream.sinks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.EvaluationKey;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.schemas.serde.AvroSerializer;
import dev.groundstream.sinks.testing.ConnectWorker;
import dev.groundstream.sinks.testing.Eventually;
import dev.groundstream.sinks.testing.TestDatabases;
import dev.groundstream.testing.KafkaTestCluster;
import dev.groundstream.testing.SampleRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka (in-process KRaft broker) -> a real Connect worker with our Avro converter -> PostgreSQL
 * and DuckDB, one scenario in order: flow, restart mid-stream, full redelivery, schema evolution,
 * poison record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcSinkConnectWorkerTest {
  private static final String TOPIC = "grounding.evaluations";
  private static final int PARTITIONS = 3;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static KafkaTestCluster kafka;
  private static SchemaRegistryServer registry;
  private static ConnectWorker worker;
  private static String pgSchema;
  private static String pgUrl;
  private static String duckUrl;
  private static KafkaProducer<Object, Object> producer;

  @BeforeAll
  static void start() throws Exception {
    pgSchema = TestDatabases.createPostgresSchema("gs_connect");
    pgUrl = TestDatabases.postgresUrl(pgSchema);
    duckUrl = TestDatabases.duckDbUrl(dir);
    kafka = KafkaTestCluster.start();
    registry = SchemaRegistryServer.start(SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()));
    try (Admin admin = kafka.admin()) {
      admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1),
          new NewTopic("dlq.postgres", 1, (short) 1), new NewTopic("dlq.duckdb", 1, (short) 1))).all().get();
    }
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put("bootstrap.servers", kafka.bootstrapServers());
    producerConfig.put("schema.registry.url", registry.url());
    producerConfig.put("key.serializer", AvroSerializer.class.getName());
    producerConfig.put("value.serializer", AvroSerializer.class.getName());
    producer = new KafkaProducer<>(producerConfig);
    worker = ConnectWorker.start(kafka.bootstrapServers(), registry.url(), dir);
    worker.putConnector("pg", sinkConfig(pgUrl, "dlq.postgres"));
    worker.putConnector("duck", sinkConfig(duckUrl, "dlq.duckdb"));
    worker.putConnector("files", Map.of("connector.class", "dev.groundstream.sinks.file.FileSinkConnector",
        "tasks.max", "1", "topics", TOPIC, "output.dir", dir.resolve("files").toString(),
        "partition.time.field", "eventTime", "errors.tolerance", "all"));
  }

  private static Map<String, String> sinkConfig(String url, String dlq) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", JdbcSinkConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("topics", TOPIC);
    config.put("connection.url", url);
    config.put("connection.user", "postgres");
    config.put("batch.size", "7");
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", dlq);
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    return config;
  }

  @AfterAll
  static void stop() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (worker != null) {
      worker.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    TestDatabases.dropPostgresSchema(pgSchema);
  }

  private static void produceEvaluations(int from, int to) throws Exception {
    for (int n = from; n < to; n++) {
      Evaluation value = SampleRecords.evaluation(n);
      producer.send(new ProducerRecord<>(TOPIC, new EvaluationKey(value.getRequestId(), "centernet-ranker:1.0.0"), value));
    }
    producer.flush();
  }

  private static void awaitRows(long expected, String sql) throws Exception {
    Eventually.equal(expected, () -> TestDatabases.count(pgUrl, sql), WAIT, "PostgreSQL: " + sql
        + " (task " + worker.taskState("pg") + ")");
    Eventually.equal(expected, () -> TestDatabases.count(duckUrl, sql), WAIT, "DuckDB: " + sql
        + " (task " + worker.taskState("duck") + ")");
  }

  /** Waits until the connector's consumer group has committed every record of the topic. */
  private static void awaitCaughtUp(String connector) throws Exception {
    try (Admin admin = kafka.admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
      }
      long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
      Eventually.equal(end, () -> admin.listConsumerGroupOffsets("connect-" + connector).partitionsToOffsetAndMetadata()
          .get().entrySet().stream().filter(e -> e.getKey().topic().equals(TOPIC))
          .mapToLong(e -> e.getValue().offset()).sum(), WAIT, connector + " committed offsets");
    }
  }

  @Test
  @Order(1)
  void recordsFlowFromKafkaThroughConnectIntoBothDatabases() throws Exception {
    produceEvaluations(0, 30);
    awaitRows(30, "SELECT count(*) FROM grounding_evaluations");
    awaitRows(30, "SELECT count(*) FROM grounding_evaluations_phrases");
    awaitRows(30, "SELECT count(*) FROM grounding_evaluations_phrases WHERE hit_at1 AND attention_correctness > 0.39");
  }

  @Test
  @Order(2)
  void restartsMidStreamAndFullRedeliveryKeepRowCountsExact() throws Exception {
    produceEvaluations(30, 60);
    worker.restartConnectorAndTasks("pg");
    worker.restartConnectorAndTasks("duck");
    worker.restartConnectorAndTasks("files");
    awaitRows(60, "SELECT count(*) FROM grounding_evaluations");
    awaitCaughtUp("pg");
    awaitCaughtUp("duck");

    // Every record delivered again from offset 0: upserts by key keep exactly one row each.
    worker.redeliverEverything("pg");
    worker.redeliverEverything("duck");
    awaitCaughtUp("pg");
    awaitCaughtUp("duck");
    awaitRows(60, "SELECT count(*) FROM grounding_evaluations");
    awaitRows(60, "SELECT count(*) FROM grounding_evaluations_phrases");
    awaitRows(60, "SELECT count(*) FROM grounding_evaluations_phrases_types");
  }

  @Test
  @Order(3)
  void aNewOptionalFieldRegisteredAsANewVersionAddsAColumn() throws Exception {
    Schema v1 = Evaluation.getClassSchema();
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : v1.getFields()) {
      fields.add(new Schema.Field(f, f.schema()));
    }
    fields.add(new Schema.Field("reviewer", Schema.createUnion(Schema.create(Schema.Type.NULL),
        Schema.create(Schema.Type.STRING)), "Who reviewed the truth.", org.apache.avro.JsonProperties.NULL_VALUE));
    Schema v2 = Schema.createRecord(v1.getName(), v1.getDoc(), v1.getNamespace(), false, fields);

    Evaluation specific = SampleRecords.evaluation(100);
    GenericRecord evolved = new GenericData.Record(v2);
    GenericData.Record old = (GenericData.Record) GenericData.get().deepCopy(v1, specificAsGeneric(specific));
    for (Schema.Field f : v1.getFields()) {
      evolved.put(f.name(), old.get(f.name()));
    }
    evolved.put("reviewer", "alice");
    producer.send(new ProducerRecord<>(TOPIC, new EvaluationKey(specific.getRequestId(), "centernet-ranker:1.0.0"), evolved));
    producer.flush();

    awaitRows(1, "SELECT count(*) FROM grounding_evaluations WHERE reviewer = 'alice'");
    awaitRows(60, "SELECT count(*) FROM grounding_evaluations WHERE reviewer IS NULL");
  }

  private static GenericRecord specificAsGeneric(Evaluation specific) throws Exception {
    // Round trip through bytes: generic datums with raw longs and strings, as a generic producer has them.
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    org.apache.avro.io.BinaryEncoder encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
    new org.apache.avro.specific.SpecificDatumWriter<Evaluation>(Evaluation.getClassSchema()).write(specific, encoder);
    encoder.flush();
    return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(Evaluation.getClassSchema())
        .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }

  @Test
  @Order(4)
  void aPoisonRecordGoesToTheDeadLetterTopicAndTheRestAreWritten() throws Exception {
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(TOPIC, 0, null, new byte[] {0x7f, 0, 0, 0, 1, 2, 3})).get();
    }
    produceEvaluations(200, 205);
    awaitRows(66, "SELECT count(*) FROM grounding_evaluations");
    for (String dlq : List.of("dlq.postgres", "dlq.duckdb")) {
      ConsumerRecord<byte[], byte[]> dead = readOne(dlq);
      assertEquals(0x7f, dead.value()[0]);
      Header reason = dead.headers().lastHeader("__connect.errors.exception.message");
      String message = new String(reason.value(), StandardCharsets.UTF_8);
      assertTrue(message.contains("magic byte 0x7f"), message);
    }
    assertTrue(worker.taskState("pg").startsWith("RUNNING"), worker.taskState("pg"));
  }

  @Test
  @Order(5)
  void theFileSinkHoldsEveryReadableRecordExactlyOnce() throws Exception {
    awaitCaughtUp("files"); // committed consumer offsets come only from committed files
    Map<String, Integer> linesPerRecord = new HashMap<>();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Path> files;
    try (var walk = java.nio.file.Files.walk(dir.resolve("files"))) {
      files = walk.filter(java.nio.file.Files::isRegularFile).toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      assertTrue(name.matches("grounding\\.evaluations\\+\\d\\+\\d+-\\d+\\.jsonl"), "unexpected file " + file);
      assertTrue(dir.resolve("files").relativize(file).toString().startsWith("model=centernet-ranker:1.0.0/date="), file.toString());
      for (String line : java.nio.file.Files.readAllLines(file)) {
        var node = json.readTree(line);
        linesPerRecord.merge(node.get("_partition").asInt() + "@" + node.get("_offset").asLong(), 1, Integer::sum);
      }
    }
    // 60 + 1 evolved + 5 after the poison record, which the converter could not read.
    assertEquals(66, linesPerRecord.size());
    assertTrue(linesPerRecord.values().stream().allMatch(n -> n == 1), linesPerRecord.toString());
  }

  private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    props.put("auto.offset.reset", "earliest");
    props.put("group.id", "dlq-reader-" + topic);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + WAIT.toMillis();
      while (System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          return record;
        }
      }
    }
    throw new AssertionError("Nothing arrived on " + topic);
  }
}
