package dev.groundstream.eval.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected exception while processing one record (a bug, or input no validation foresaw) must
 * not kill the stream thread or, replaced, make it fail on the same record forever: the source
 * record's bytes go to grounding.dlq with the error, and processing continues with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
  private DeadLetterRecords deadLetters;
  private EvalCounters counters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = new DeadLetterRecords(configs);
    Object configured = configs.get(DeadLetterDeserializationHandler.COUNTERS_CONFIG);
    counters = configured instanceof EvalCounters c ? c : EvalCounters.discarding();
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    counters.processingError();
    LOG.error("Dead-lettering record {}-{}@{} that failed in {}", context.topic(), context.partition(),
        context.offset(), context.processorNodeId(), exception);
    return Response.resume(List.of(deadLetters.of(context.topic(), context.partition(), context.offset(),
        context.sourceRawKey(), context.sourceRawValue(), exception)));
  }
}
