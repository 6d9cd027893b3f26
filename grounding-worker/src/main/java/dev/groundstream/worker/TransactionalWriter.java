package dev.groundstream.worker;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.schemas.Topics;
import dev.groundstream.schemas.registry.client.SchemaRegistryClient;
import dev.groundstream.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch's results and dead letters together with the consumed offsets in one Kafka
 * transaction (exactly-once consume-transform-produce). A failed transaction is aborted and
 * reported, so the caller re-reads the batch; fencing and authorization errors are rethrown,
 * because going on could only duplicate.
 */
final class TransactionalWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalWriter.class);

  private final KafkaProducer<byte[], byte[]> producer;
  private final String modelId;
  private final AvroSerializer<RequestKey> resultKeys;
  private final AvroSerializer<GroundingResult> resultValues;
  private final AvroSerializer<DeadLetterKey> dlqKeys;
  private final AvroSerializer<DeadLetter> dlqValues;
  private final boolean sameResultPartitions;
  private volatile KafkaException lastFailure;

  /**
   * Opens the transactional producer ({@code producerConfig} carries the transactional id);
   * {@code requestPartitions}: the partition count of grounding.requests, for co-partitioning.
   */
  TransactionalWriter(Map<String, Object> producerConfig, SchemaRegistryClient registry, boolean autoRegister,
      String modelId, int requestPartitions) {
    this.producer = new KafkaProducer<>(producerConfig);
    this.modelId = modelId;
    this.resultKeys = Topics.RESULTS_SPEC.keySerializer(registry, autoRegister);
    this.resultValues = Topics.RESULTS_SPEC.valueSerializer(registry, autoRegister);
    this.dlqKeys = Topics.DLQ_SPEC.keySerializer(registry, autoRegister);
    this.dlqValues = Topics.DLQ_SPEC.valueSerializer(registry, autoRegister);
    try {
      producer.initTransactions();
      this.sameResultPartitions = producer.partitionsFor(Topics.RESULTS).size() == requestPartitions;
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
  }

  /**
   * Sends every record's outcome and {@code offsets} in one transaction and commits it; false when
   * the transaction failed and was aborted (nothing of it is visible: re-read the batch).
   * {@code halted} is asked right before the commit, so a simulated crash leaves it open.
   */
  boolean write(List<GroundedRecord> records, Map<TopicPartition, OffsetAndMetadata> offsets,
      ConsumerGroupMetadata group, BooleanSupplier halted) {
    try {
      producer.beginTransaction();
      for (GroundedRecord r : records) {
        ConsumerRecord<byte[], byte[]> source = r.pending().record();
        if (r.outcome() instanceof RecordOutcome.Grounded g) {
          sendResult(source, g.result());
        } else if (r.outcome() instanceof RecordOutcome.DeadLettered d) {
          sendDeadLetter(source, d);
        }
      }
      producer.sendOffsetsToTransaction(offsets, group);
      if (halted.getAsBoolean()) {
        throw new HaltedException();
      }
      producer.commitTransaction();
      return true;
    } catch (ProducerFencedException | InvalidProducerEpochException | UnsupportedVersionException
        | AuthorizationException e) {
      throw e; // another instance took over, or we may not write: stop, never duplicate
    } catch (KafkaException e) {
      lastFailure = e;
      LOG.warn("Transaction for a batch of {} failed ({}); aborting and re-reading it", records.size(), e.toString());
      producer.abortTransaction();
      return false;
    }
  }

  private void sendResult(ConsumerRecord<byte[], byte[]> source, GroundingResult result) {
    byte[] key = resultKeys.serialize(Topics.RESULTS, new RequestKey(result.getRequestId()));
    byte[] value = resultValues.serialize(Topics.RESULTS, result);
    // Same partition as the request: results stay co-partitioned with requests and truth.
    Integer partition = sameResultPartitions ? source.partition() : null;
    producer.send(new ProducerRecord<>(Topics.RESULTS, partition, key, value));
  }

  private void sendDeadLetter(ConsumerRecord<byte[], byte[]> source, RecordOutcome.DeadLettered dead) {
    LOG.warn("Dead letter for {}-{}@{} at step {}: {}", source.topic(), source.partition(), source.offset(),
        dead.step(), dead.error().toString());
    byte[] key = dlqKeys.serialize(Topics.DLQ, DeadLetters.key(source));
    byte[] value = dlqValues.serialize(Topics.DLQ,
        DeadLetters.of(source, dead.step(), dead.error(), dead.request(), modelId));
    producer.send(new ProducerRecord<>(Topics.DLQ, key, value));
  }

  /** Why the last aborted transaction failed (null before the first abort). */
  KafkaException lastFailure() {
    return lastFailure;
  }

  /** {@code halted}: gone like a killed process — no abort, no flush. */
  void close(boolean halted) {
    producer.close(halted ? Duration.ZERO : Duration.ofSeconds(5));
  }

  @Override
  public void close() {
    close(false);
  }
}
