package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.schemas.Topics;
import dev.groundstream.worker.model.ImagePreprocessor;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns raw record bytes into a {@link PreparedRequest}: Avro decode, image bytes, decode and
 * preprocess. Runs on the preprocessing pool; never throws, failures become DLQ material.
 * Requests the {@code include} filter rejects (a replay's dataset) are skipped right after the
 * Avro decode, so their images are never loaded or decoded.
 */
public final class RequestPreparer {
  public static final String STEP_DESERIALIZE = "deserialize";
  public static final String STEP_LOAD_IMAGE = "load-image";
  public static final String STEP_DECODE_IMAGE = "decode-image";

  private final Deserializer<GroundingRequest> deserializer;
  private final ImageSource images;
  private final ImagePreprocessor preprocessor;
  private final Predicate<GroundingRequest> include;

  public RequestPreparer(Deserializer<GroundingRequest> deserializer, ImageSource images, ImagePreprocessor preprocessor) {
    this(deserializer, images, preprocessor, request -> true);
  }

  public RequestPreparer(Deserializer<GroundingRequest> deserializer, ImageSource images, ImagePreprocessor preprocessor,
      Predicate<GroundingRequest> include) {
    this.deserializer = deserializer;
    this.images = images;
    this.preprocessor = preprocessor;
    this.include = include;
  }

  public PreparedRequest prepare(byte[] value) {
    long start = System.nanoTime();
    GroundingRequest request;
    try {
      request = deserializer.deserialize(Topics.REQUESTS, value);
      if (request == null) {
        throw new IllegalArgumentException("record has no value (tombstone)");
      }
    } catch (RuntimeException e) {
      return new PreparedRequest.Failed(STEP_DESERIALIZE, e, null);
    }
    if (!include.test(request)) {
      return new PreparedRequest.Skipped(request); // before the image: the costly part is never done
    }
    byte[] encoded;
    try {
      encoded = images.bytes(request.getImage());
    } catch (Exception e) {
      return new PreparedRequest.Failed(STEP_LOAD_IMAGE, e, request);
    }
    try {
      return new PreparedRequest.Ready(request, preprocessor.preprocess(encoded), (System.nanoTime() - start) / 1e6);
    } catch (Exception | OutOfMemoryError e) {
      return new PreparedRequest.Failed(STEP_DECODE_IMAGE, e instanceof Exception ex ? ex : new Exception(e), request);
    }
  }
}
