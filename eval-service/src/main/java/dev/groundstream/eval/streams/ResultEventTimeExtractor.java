package dev.groundstream.eval.streams;

import dev.groundstream.avro.GroundingResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a result is its request's createdAt, not when the worker produced it: a replay of
 * last month's requests must land in last month's windows.
 */
public final class ResultEventTimeExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Object value = record.value() instanceof Framed<?> framed ? framed.value() : record.value();
    if (value instanceof GroundingResult result && result.getRequestCreatedAt() != null) {
      return result.getRequestCreatedAt().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
  }
}
