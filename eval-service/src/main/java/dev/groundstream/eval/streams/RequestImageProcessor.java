package dev.groundstream.eval.streams;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.ImageRef;
import dev.groundstream.avro.RequestKey;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps each request's {@link ImageRef} (inline bytes or a URI, never fetched here) by request id, at
 * the record's time, in a window store: entries older than image-retention (by stream time) are
 * dropped with their segment. Emits nothing.
 */
final class RequestImageProcessor implements Processor<RequestKey, GroundingRequest, Void, Void> {
  /** Each entry is its own 1 ms "window": the store is used as a time-bounded key-value store. */
  static final Duration WINDOW_SIZE = Duration.ofMillis(1);
  private WindowStore<String, ImageRef> images;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    images = context.getStateStore(StoreNames.REQUEST_IMAGES);
  }

  @Override
  public void process(Record<RequestKey, GroundingRequest> record) {
    GroundingRequest request = record.value();
    if (record.key() == null || request == null || request.getImage() == null
        || !record.key().getRequestId().equals(request.getRequestId())) {
      return; // nothing to show (tombstone, or a key that does not match: not this request's image)
    }
    images.put(request.getRequestId().toString(), request.getImage(), record.timestamp());
  }
}
