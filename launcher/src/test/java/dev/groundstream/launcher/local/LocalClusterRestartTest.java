package dev.groundstream.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.schemas.TopicSpec;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.RestSchemaRegistryClient;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local mode's registry keeps its state in the broker's _schemas topic: stopping both the
 * registry and the embedded broker and starting them again on the same data dir loses nothing.
 */
class LocalClusterRestartTest {
  private static final Schema EXTRA = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Extra\",\"doc\":\"restart test\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");

  @Test
  void registryAndBrokerRestartKeepIdsSubjectsConfigAndTopics(@TempDir Path dataDir) throws Exception {
    Map<String, Integer> idsBefore = new LinkedHashMap<>();
    int extraId;
    try (LocalCluster cluster = LocalCluster.start(dataDir, 0, 0)) {
      SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.registry());
      for (TopicSpec<?, ?> t : Topics.ALL) {
        idsBefore.put(t.valueSubject(), registry.lookupId(t.valueSubject(), t.valueSchema()));
        idsBefore.put(t.keySubject(), registry.lookupId(t.keySubject(), t.keySchema()));
      }
      extraId = registry.register("extra-value", EXTRA);
      assertEquals(200, put(cluster.registry().url() + "/config/extra-value", "{\"compatibility\":\"FULL\"}"));
    }

    try (LocalCluster cluster = LocalCluster.start(dataDir, 0, 0)) {
      SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.registry());
      Map<String, Integer> idsAfter = new LinkedHashMap<>();
      for (TopicSpec<?, ?> t : Topics.ALL) {
        idsAfter.put(t.valueSubject(), registry.lookupId(t.valueSubject(), t.valueSchema()));
        idsAfter.put(t.keySubject(), registry.lookupId(t.keySubject(), t.keySchema()));
      }
      assertEquals(idsBefore, idsAfter);
      assertEquals(EXTRA, registry.schemaById(extraId));
      assertTrue(registry.subjects().contains("extra-value"));
      assertTrue(get(cluster.registry().url() + "/config/extra-value").contains("\"FULL\""));
      // A new schema continues after the highest id: ids are never reused.
      Schema next = new Schema.Parser().parse(EXTRA.toString().replace("restart test", "second"));
      int nextId = registry.register("extra2-value", next);
      assertTrue(nextId > extraId && !idsAfter.containsValue(nextId), "new id " + nextId);
      try (Admin admin = Admin.create(cluster.kafka().clientProperties())) {
        Set<String> topics = admin.listTopics().names().get();
        for (TopicSpec<?, ?> t : Topics.ALL) {
          assertTrue(topics.contains(t.name()), t.name());
        }
        assertEquals(Topics.REQUEST_PARTITIONS,
            admin.describeTopics(List.of(Topics.REQUESTS)).allTopicNames().get().get(Topics.REQUESTS).partitions().size());
      }
    }
  }

  private static int put(String url, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
