package dev.groundstream.schemas.registry.server;

import static dev.groundstream.schemas.registry.server.RegistryHttp.schemaBody;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.groundstream.schemas.registry.server.RegistryHttp.Reply;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaKey;
import dev.groundstream.schemas.registry.server.StoreRecord.SchemaRecord;
import dev.groundstream.testing.KafkaTestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry's state lives in its Kafka topic: it survives restarts, and several instances on
 * one cluster agree on ids and versions, even when they race. Each test uses its own topic.
 */
class RegistryKafkaStorageTest {
  private static KafkaTestCluster kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = KafkaTestCluster.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static SchemaRegistryServer startRegistry(String topic) {
    return SchemaRegistryServer.start(new SchemaRegistryServerConfig(
        Map.of("bootstrap.servers", kafka.bootstrapServers()), topic, null, 0));
  }

  private static JsonNode ok(Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private static int register(RegistryHttp http, String subject, String schema) {
    return ok(http.post("/subjects/" + subject + "/versions", schemaBody(schema))).get("id")
        .asInt();
  }

  private static String canonical(String schema) {
    return new Schema.Parser().parse(schema).toString();
  }

  @Test
  void stateSurvivesRestart() throws Exception {
    String topic = "restart-schemas";
    int user;
    int email;
    int doomed;
    try (SchemaRegistryServer first = startRegistry(topic)) {
      RegistryHttp http = new RegistryHttp(first.url());
      user = register(http, "people-value", TestSchemas.USER);
      email = register(http, "people-value", TestSchemas.USER_WITH_EMAIL);
      assertEquals(user, register(http, "other-value", TestSchemas.USER));
      ok(http.put("/config/other-value", "{\"compatibility\":\"FULL\"}"));
      ok(http.put("/config", "{\"compatibility\":\"FORWARD\"}"));
      ok(http.delete("/subjects/people-value/versions/1"));
      doomed = register(http, "doomed-value", TestSchemas.record("Doomed"));
      ok(http.delete("/subjects/doomed-value"));
      ok(http.delete("/subjects/doomed-value?permanent=true"));
    }

    try (SchemaRegistryServer second = startRegistry(topic)) {
      RegistryHttp http = new RegistryHttp(second.url());
      assertEquals(canonical(TestSchemas.USER),
          ok(http.get("/schemas/ids/" + user)).get("schema").asText());
      assertEquals(canonical(TestSchemas.USER_WITH_EMAIL),
          ok(http.get("/schemas/ids/" + email)).get("schema").asText());
      assertEquals("[2]", ok(http.get("/subjects/people-value/versions")).toString());
      assertEquals("[1,2]", ok(http.get("/subjects/people-value/versions?deleted=true"))
          .toString());
      assertEquals(email, ok(http.get("/subjects/people-value/versions/latest")).get("id")
          .asInt());
      assertEquals(user, ok(http.post("/subjects/other-value", schemaBody(TestSchemas.USER)))
          .get("id").asInt());
      assertEquals("[\"other-value\",\"people-value\"]", ok(http.get("/subjects")).toString());
      assertEquals("FULL", ok(http.get("/config/other-value")).get("compatibilityLevel")
          .asText());
      assertEquals("FORWARD", ok(http.get("/config")).get("compatibilityLevel").asText());
      assertEquals(40403, http.get("/schemas/ids/" + doomed).errorCode());

      int next = register(http, "after-restart-value", TestSchemas.record("AfterRestart"));
      assertEquals(doomed + 1, next, "ids continue after the highest ever used");
    }

    try (Admin admin = kafka.admin()) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertEquals("compact", config.get("cleanup.policy").value());
      assertEquals(1, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
          .partitions().size());
    }
  }

  @Test
  void twoInstancesShareIds() {
    String topic = "shared-schemas";
    try (SchemaRegistryServer a = startRegistry(topic);
        SchemaRegistryServer b = startRegistry(topic)) {
      RegistryHttp onA = new RegistryHttp(a.url());
      RegistryHttp onB = new RegistryHttp(b.url());

      int first = register(onA, "shared-value", TestSchemas.USER);
      assertEquals(canonical(TestSchemas.USER),
          ok(onB.get("/schemas/ids/" + first)).get("schema").asText(), "B reads A's write");
      JsonNode lookup = ok(onB.post("/subjects/shared-value", schemaBody(TestSchemas.USER)));
      assertEquals(first, lookup.get("id").asInt());
      assertEquals(1, lookup.get("version").asInt());
      assertEquals(first, register(onB, "shared-value", TestSchemas.USER),
          "B knows A's schema: registering it again adds nothing");

      int second = register(onB, "shared-value", TestSchemas.USER_WITH_EMAIL);
      assertEquals(first + 1, second, "B continues A's ids");
      JsonNode latestOnA = ok(onA.get("/subjects/shared-value/versions/2"));
      assertEquals(second, latestOnA.get("id").asInt());
    }
  }

  @Test
  void concurrentRegistrationsOnTwoInstancesAgree() throws Exception {
    String topic = "race-schemas";
    int perInstance = 12;
    try (SchemaRegistryServer a = startRegistry(topic);
        SchemaRegistryServer b = startRegistry(topic)) {
      RegistryHttp onA = new RegistryHttp(a.url());
      RegistryHttp onB = new RegistryHttp(b.url());
      // NONE: every schema is accepted, so both instances race for the same next version.
      ok(onA.put("/config/race-value", "{\"compatibility\":\"NONE\"}"));

      CountDownLatch go = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      Future<List<Integer>> idsFromA = threads.submit(registerAll(onA, "A", perInstance, go));
      Future<List<Integer>> idsFromB = threads.submit(registerAll(onB, "B", perInstance, go));
      go.countDown();
      List<Integer> all = new ArrayList<>(idsFromA.get(120, TimeUnit.SECONDS));
      all.addAll(idsFromB.get(120, TimeUnit.SECONDS));
      threads.shutdown();

      assertEquals(2 * perInstance, new HashSet<>(all).size(), "distinct ids: " + all);
      assertEquals(IntStream.rangeClosed(1, 2 * perInstance).boxed().collect(Collectors.toSet()),
          new TreeSet<>(all), "ids are max+1 without gaps: a lost race consumes no id");
      for (String instance : List.of("A", "B")) {
        List<Integer> ids = instance.equals("A") ? idsFromA.get() : idsFromB.get();
        for (int i = 0; i < perInstance; i++) {
          String expected = canonical(TestSchemas.record(instance + i));
          assertEquals(expected, ok(onA.get("/schemas/ids/" + ids.get(i))).get("schema").asText());
          assertEquals(expected, ok(onB.get("/schemas/ids/" + ids.get(i))).get("schema").asText());
        }
      }
      Set<Integer> idsByVersion = new HashSet<>();
      for (int version = 1; version <= 2 * perInstance; version++) {
        JsonNode fromA = ok(onA.get("/subjects/race-value/versions/" + version));
        JsonNode fromB = ok(onB.get("/subjects/race-value/versions/" + version));
        assertEquals(fromA, fromB, "both instances agree on version " + version);
        idsByVersion.add(fromA.get("id").asInt());
      }
      assertEquals(new HashSet<>(all), idsByVersion, "every registration got its own version");
      assertEquals(404, onA.get("/subjects/race-value/versions/" + (2 * perInstance + 1))
          .status());
    }
  }

  @Test
  void refusesATopicThatWouldExpireSchemas() throws Exception {
    try (Admin admin = kafka.admin()) {
      admin.createTopics(List.of(new NewTopic("expiring-schemas", 1, (short) 1)
          .configs(Map.of("cleanup.policy", "delete")))).all().get();
    }
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> startRegistry("expiring-schemas"));
    assertTrue(failure.getMessage().contains("cleanup.policy"), failure.getMessage());
  }

  @Test
  void closeStopsServingAndCanBeRepeated() {
    SchemaRegistryServer server = startRegistry("closing-schemas");
    RegistryHttp http = new RegistryHttp(server.url());
    assertEquals(200, http.get("/subjects").status());
    server.close();
    server.close();
    assertThrows(AssertionError.class, () -> http.get("/subjects"), "connection refused");
  }

  @Test
  void standaloneMainStartsFromEnvironment() {
    try (SchemaRegistryServer server = SchemaRegistryMain.start(Map.of(
        "GROUNDSTREAM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "GROUNDSTREAM_KAFKA_CLIENT_DNS_LOOKUP", "use_all_dns_ips",
        "GROUNDSTREAM_REGISTRY_HOST", "127.0.0.1",
        "GROUNDSTREAM_REGISTRY_PORT", "0",
        "GROUNDSTREAM_REGISTRY_TOPIC", "main-schemas"))) {
      RegistryHttp http = new RegistryHttp(server.url());
      Reply health = http.get("/health");
      assertEquals(200, health.status());
      assertEquals("UP", health.json().get("status").asText());
      assertEquals(1, register(http, "main-value", TestSchemas.USER));
    }
  }

  private static Callable<List<Integer>> registerAll(
      RegistryHttp http, String prefix, int count, CountDownLatch go) {
    return () -> {
      go.await();
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(register(http, "race-value", TestSchemas.record(prefix + i)));
      }
      return ids;
    };
  }

  @Test
  void laterConflictingClaimsAreIgnoredLiveAndOnReplay() throws Exception {
    String topic = "conflict-schemas";
    int id;
    SchemaRecord lateVersionClaim;
    SchemaRecord lateIdClaim;
    try (SchemaRegistryServer a = startRegistry(topic)) {
      RegistryHttp onA = new RegistryHttp(a.url());
      id = register(onA, "claimed-value", TestSchemas.USER);
      // What a slower instance would write had it lost both races and died before withdrawing:
      // version 1 of the subject with another schema, and the same id for another schema.
      lateVersionClaim = new SchemaRecord(new SchemaKey("claimed-value", 1, id + 1,
          "late-claim-1"), canonical(TestSchemas.USER_WITH_DOC), false);
      lateIdClaim = new SchemaRecord(new SchemaKey("thief-value", 1, id, "late-claim-2"),
          canonical(TestSchemas.record("Thief")), false);
      writeRaw(topic, lateVersionClaim, lateIdClaim);
      int next = register(onA, "after-conflict-value", TestSchemas.record("After"));
      assertEquals(id + 1, next, "the ignored claim did not use up id " + (id + 1));
      assertClaimsIgnored(onA, id);
    }
    try (SchemaRegistryServer replayed = startRegistry(topic)) {
      assertClaimsIgnored(new RegistryHttp(replayed.url()), id);
    }
    StoreRecordCodec codec = new StoreRecordCodec();
    Set<String> tombstoned = tombstonedKeys(topic);
    assertTrue(tombstoned.contains(new String(codec.encodeKey(lateVersionClaim), UTF_8))
        && tombstoned.contains(new String(codec.encodeKey(lateIdClaim), UTF_8)),
        "a starting instance withdraws abandoned losing claims: " + tombstoned);
  }

  @Test
  void liveInstanceWithdrawsClaimsAbandonedForAWholeSweepPeriod() {
    String topic = "sweep-schemas";
    RegistryState state = new RegistryState();
    try (KafkaRegistryStore store = new KafkaRegistryStore(
        Map.of("bootstrap.servers", kafka.bootstrapServers()), topic, state)) {
      store.start();
      SchemaRegistryService service = new SchemaRegistryService(state, store, new Object());
      assertEquals(1, service.register("swept-value",
          new SchemaRequest(TestSchemas.USER, SchemaExtras.NONE, null, null)));
      SchemaRecord abandoned = new SchemaRecord(new SchemaKey("swept-value", 1, 2, "dead"),
          canonical(TestSchemas.USER_WITH_DOC), false);
      store.write(List.of(abandoned));
      assertEquals(List.of(abandoned.key()), state.unresolvedLosers());

      service.sweepAbandonedClaims();
      assertEquals(List.of(abandoned.key()), state.unresolvedLosers(),
          "a loser seen for the first time may still be withdrawn by its own writer");
      service.sweepAbandonedClaims();
      assertEquals(List.of(), state.unresolvedLosers(), "withdrawn at the second sweep");
      assertEquals(1, state.version("swept-value", 1).orElseThrow().id(), "the winner stays");
    }
    assertTrue(tombstonedKeys(topic).contains(new String(new StoreRecordCodec().encodeKey(
        new SchemaRecord(new SchemaKey("swept-value", 1, 2, "dead"), null, false)), UTF_8)));
  }

  /** Keys of every tombstone in the topic. */
  private static Set<String> tombstonedKeys(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            keys.add(new String(record.key(), UTF_8));
          }
        }
      }
    }
    return keys;
  }

  private static void assertClaimsIgnored(RegistryHttp http, int id) {
    assertEquals(canonical(TestSchemas.USER), ok(http.get("/schemas/ids/" + id)).get("schema")
        .asText());
    assertEquals(id, ok(http.get("/subjects/claimed-value/versions/1")).get("id").asInt());
    assertEquals("[1]", ok(http.get("/subjects/claimed-value/versions?deleted=true")).toString());
    assertEquals(40401, http.get("/subjects/thief-value/versions?deleted=true").errorCode());
  }

  private static void writeRaw(String topic, StoreRecord... records) throws Exception {
    StoreRecordCodec codec = new StoreRecordCodec();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (StoreRecord record : records) {
        producer.send(new ProducerRecord<>(topic, codec.encodeKey(record),
            codec.encodeValue(record))).get();
      }
    }
  }
}
