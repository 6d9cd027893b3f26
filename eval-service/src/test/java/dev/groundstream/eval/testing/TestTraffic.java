package dev.groundstream.eval.testing;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.config.RegistryConnection;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Produces results and truth to the real broker with the real serdes, as worker and ingest do. */
public final class TestTraffic implements AutoCloseable {
  private final KafkaProducer<RequestKey, Object> producer;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public TestTraffic(String bootstrap, RegistryConnection registry) {
    AvroSerde<RequestKey> keys = AvroSerde.of(registry, RequestKey.class, true);
    AvroSerde<GroundingResult> results = AvroSerde.of(registry, GroundingResult.class, false);
    AvroSerde<GroundTruth> truths = AvroSerde.of(registry, GroundTruth.class, false);
    AvroSerde<GroundingRequest> requests = AvroSerde.of(registry, GroundingRequest.class, false);
    org.apache.kafka.common.serialization.Serializer<Object> values = (topic, value) ->
        value instanceof GroundingResult r ? results.serializer().serialize(topic, r)
            : value instanceof GroundingRequest q ? requests.serializer().serialize(topic, q)
            : truths.serializer().serialize(topic, (GroundTruth) value);
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all"), keys.serializer(), values);
  }

  public void send(GroundingResult result) {
    producer.send(new ProducerRecord<>(Topics.RESULTS, new RequestKey(result.getRequestId()), result));
  }

  public void send(GroundTruth truth) {
    producer.send(new ProducerRecord<>(Topics.TRUTH, new RequestKey(truth.getRequestId()), truth));
  }

  public void send(GroundingRequest request) {
    producer.send(new ProducerRecord<>(Topics.REQUESTS, new RequestKey(request.getRequestId()), request));
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
