package dev.groundstream.ingest.http;

import dev.groundstream.config.KafkaConnection;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.ingest.IngestConfig;
import dev.groundstream.ingest.IngestService;
import dev.groundstream.ingest.images.Sha256;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.server.SchemaRegistryServer;
import dev.groundstream.schemas.registry.server.SchemaRegistryServerConfig;
import dev.groundstream.testing.KafkaTestCluster;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real in-process broker, our schema registry and an ingest service on them, for HTTP tests. */
final class IngestHarness implements AutoCloseable {
  static final String ACME_KEY = "acme-secret-key";
  static final String GLOBEX_KEY = "globex-secret-key";

  final KafkaTestCluster kafka;
  final SchemaRegistryServer registry;
  final IngestService service;
  final TopicReader topics;

  private IngestHarness(KafkaTestCluster kafka, SchemaRegistryServer registry, IngestService service) {
    this.kafka = kafka;
    this.registry = registry;
    this.service = service;
    this.topics = new TopicReader(kafka.bootstrapServers(), registry.url());
  }

  static IngestHarness start(Path blobDir, Map<String, String> overrides) throws Exception {
    KafkaTestCluster kafka = KafkaTestCluster.start();
    SchemaRegistryServer registry = SchemaRegistryServer.start(
        SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()));
    IngestService service = IngestService.start(config(kafka.bootstrapServers(), registry.url(), blobDir, overrides));
    return new IngestHarness(kafka, registry, service);
  }

  static IngestConfig config(String bootstrap, String registryUrl, Path blobDir, Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put(IngestConfig.HOST, "127.0.0.1");
    values.put(IngestConfig.PORT, "0");
    values.put(IngestConfig.BLOB_DIR, blobDir.toString());
    values.put(IngestConfig.API_KEYS, "acme:" + Sha256.hex(ACME_KEY) + ",globex:" + Sha256.hex(GLOBEX_KEY));
    values.put(IngestConfig.DECODE_THREADS, "2");
    values.putAll(overrides);
    return IngestConfig.of(KafkaConnection.of(bootstrap), RegistryConnection.of(registryUrl), values);
  }

  /** Total records on grounding.requests and grounding.truth (end offsets summed). */
  long recordsWritten() {
    return topics.endOffsetSum(Topics.REQUESTS) + topics.endOffsetSum(Topics.TRUTH);
  }

  @Override
  public void close() throws Exception {
    topics.close();
    service.close();
    registry.close();
    kafka.close();
  }
}
