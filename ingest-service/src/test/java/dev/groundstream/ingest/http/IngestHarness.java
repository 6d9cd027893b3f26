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
final class IngestHarness implements AutoCloseable, org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {
  static final String ACME_KEY = "acme-secret-key";
  static final String GLOBEX_KEY = "globex-secret-key";

  final KafkaTestCluster kafka;
  final SchemaRegistryServer registry;
  final IngestService service;
  final TopicReader topics;

  final Path blobDir;

  private IngestHarness(KafkaTestCluster kafka, SchemaRegistryServer registry, IngestService service, Path blobDir) {
    this.blobDir = blobDir;
    this.kafka = kafka;
    this.registry = registry;
    this.service = service;
    this.topics = new TopicReader(kafka.bootstrapServers(), registry.url());
  }

  /** Settings of the shared instance: small inline limit (exercise the claim check), 2 MiB image cap. */
  static final int INLINE_MAX = 64 * 1024;
  static final int IMAGE_MAX = 2 * 1024 * 1024;
  /** The settings every HTTP test class shares; see {@link SharedIngestHarness}. */
  static IngestHarness startShared() throws Exception {
    Path blobs = java.nio.file.Files.createTempDirectory("ingest-test-blobs");
    return start(blobs, Map.of(
        IngestConfig.IMAGE_INLINE_MAX_BYTES, Integer.toString(INLINE_MAX),
        IngestConfig.IMAGE_MAX_BYTES, Integer.toString(IMAGE_MAX),
        IngestConfig.RATE_LIMIT_PER_SECOND, "100000",
        IngestConfig.RATE_LIMIT_BURST, "100000"));
  }

  /** A second service on the same broker and registry with other settings. */
  IngestService startAnother(Map<String, String> overrides) throws Exception {
    return IngestService.start(config(kafka.bootstrapServers(), registry.url(), blobDir, overrides));
  }

  /** A second service on the same broker and registry whose claim checks go to {@code s3Blobs}. */
  IngestService startAnother(Map<String, String> overrides, dev.groundstream.config.S3Blobs s3Blobs) throws Exception {
    IngestConfig base = config(kafka.bootstrapServers(), registry.url(), blobDir, overrides);
    Map<String, String> values = new HashMap<>();
    values.put(IngestConfig.HOST, "127.0.0.1");
    values.put(IngestConfig.PORT, "0");
    values.put(IngestConfig.BLOB_DIR, blobDir.toString());
    values.put(IngestConfig.API_KEYS, "acme:" + Sha256.hex(ACME_KEY) + ",globex:" + Sha256.hex(GLOBEX_KEY));
    values.put(IngestConfig.DECODE_THREADS, "2");
    values.putAll(overrides);
    return IngestService.start(IngestConfig.of(base.kafka(), base.registry(), values, java.util.Optional.of(s3Blobs)));
  }

  static IngestHarness start(Path blobDir, Map<String, String> overrides) throws Exception {
    KafkaTestCluster kafka = KafkaTestCluster.start();
    SchemaRegistryServer registry = SchemaRegistryServer.start(
        SchemaRegistryServerConfig.forBootstrapServers(kafka.bootstrapServers()));
    IngestService service = IngestService.start(config(kafka.bootstrapServers(), registry.url(), blobDir, overrides));
    return new IngestHarness(kafka, registry, service, blobDir);
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

  private boolean closed;

  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    topics.close();
    service.close();
    registry.close();
    kafka.close();
  }
}
