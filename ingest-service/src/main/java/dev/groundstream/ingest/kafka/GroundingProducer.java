package dev.groundstream.ingest.kafka;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.IngestAccepted;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes requests to grounding.requests, truth to grounding.truth and the ingest index to
 * grounding.ingest.accepted, all keyed by
 * {@link RequestKey} in the Confluent wire format. One idempotent producer (acks=all) is shared by
 * the HTTP API and the importers; its send is asynchronous and thread-safe.
 */
public final class GroundingProducer implements AutoCloseable {
  private final KafkaProducer<RequestKey, GenericContainer> producer;

  public GroundingProducer(KafkaConnection kafka, SchemaRegistryClient registry, boolean autoRegister,
      Map<String, Object> overrides) {
    Map<String, Object> props = kafka.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"); // JPEG/PNG do not compress
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(2 * 1024 * 1024)); // 1 MiB inline + metadata
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    props.putAll(overrides);
    this.producer = new KafkaProducer<>(props,
        new AvroSerializer<>(registry, true, autoRegister),
        new AvroSerializer<>(registry, false, autoRegister));
  }

  public CompletableFuture<RecordMetadata> sendRequest(GroundingRequest request) {
    return send(Topics.REQUESTS, request.getRequestId(), request);
  }

  public CompletableFuture<RecordMetadata> sendTruth(GroundTruth truth) {
    return send(Topics.TRUTH, truth.getRequestId(), truth);
  }

  /** The idempotency/lookup index record of an accepted upload (compacted topic). */
  public CompletableFuture<RecordMetadata> sendAccepted(IngestAccepted accepted) {
    return send(Topics.INGEST_ACCEPTED, accepted.getRequestId(), accepted);
  }

  private CompletableFuture<RecordMetadata> send(String topic, UUID requestId, GenericContainer value) {
    CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic, new RequestKey(requestId), value), (metadata, error) -> {
        if (error != null) {
          done.completeExceptionally(error);
        } else {
          done.complete(metadata);
        }
      });
    } catch (RuntimeException e) { // serialization or buffer-full errors are thrown, not called back
      done.completeExceptionally(e);
    }
    return done;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
