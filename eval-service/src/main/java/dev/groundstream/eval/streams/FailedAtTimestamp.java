package dev.groundstream.eval.streams;

import dev.groundstream.avro.DeadLetter;
import dev.groundstream.avro.DeadLetterKey;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Dead letters carry the time they failed as record time, not the event time of the input: the DLQ's
 * retention must count from the failure, or a replay of old history would be deleted at once.
 */
final class FailedAtTimestamp implements FixedKeyProcessor<DeadLetterKey, DeadLetter, DeadLetter> {
  private FixedKeyProcessorContext<DeadLetterKey, DeadLetter> context;

  @Override
  public void init(FixedKeyProcessorContext<DeadLetterKey, DeadLetter> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<DeadLetterKey, DeadLetter> record) {
    context.forward(record.withTimestamp(record.value().getFailedAt().toEpochMilli()));
  }
}
