package dev.groundstream.ingest.kafka;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.IngestAccepted;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.KafkaConnection;
import dev.groundstream.schemas.TopicSpec;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes requests to grounding.requests, truth to grounding.truth and the ingest index to
 * grounding.ingest.accepted, all keyed by
 * {@link RequestKey} in the Confluent wire format, each topic with the serializers its
 * {@link TopicSpec} builds. One idempotent producer (acks=all) is shared by the HTTP API and the
 * importers; its send is asynchronous and thread-safe.
 */
public final class GroundingProducer implements AutoCloseable {
  /** The topics this producer writes. */
  static final List<TopicSpec<?, ?>> TOPICS = List.of(Topics.REQUESTS_SPEC, Topics.TRUTH_SPEC,
      Topics.INGEST_ACCEPTED_SPEC);

  private final KafkaProducer<SpecificRecord, SpecificRecord> producer;

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
        TopicSerializer.of(TOPICS, spec -> spec.keySerializer(registry, autoRegister)),
        TopicSerializer.of(TOPICS, spec -> spec.valueSerializer(registry, autoRegister)));
  }

  public CompletableFuture<RecordMetadata> sendRequest(GroundingRequest request) {
    return send(Topics.REQUESTS_SPEC, request.getRequestId(), request);
  }

  public CompletableFuture<RecordMetadata> sendTruth(GroundTruth truth) {
    return send(Topics.TRUTH_SPEC, truth.getRequestId(), truth);
  }

  /** The idempotency/lookup index record of an accepted upload (compacted topic). */
  public CompletableFuture<RecordMetadata> sendAccepted(IngestAccepted accepted) {
    return send(Topics.INGEST_ACCEPTED_SPEC, accepted.getRequestId(), accepted);
  }

  /** Typed by the spec, so a value can only go to a topic whose spec declares its class. */
  private <V extends SpecificRecord> CompletableFuture<RecordMetadata> send(TopicSpec<RequestKey, V> topic,
      UUID requestId, V value) {
    CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic.name(), new RequestKey(requestId), value), (metadata, error) -> {
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
