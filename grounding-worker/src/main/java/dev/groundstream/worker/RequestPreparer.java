package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.images.DecodeMemory;
import dev.groundstream.images.ImageBudget;
import dev.groundstream.schemas.Topics;
import dev.groundstream.worker.model.ImagePreprocessor;
import dev.groundstream.worker.model.PreprocessedImage;
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
  private final DecodeMemory decodeMemory;

  public RequestPreparer(Deserializer<GroundingRequest> deserializer, ImageSource images, ImagePreprocessor preprocessor) {
    this(deserializer, images, preprocessor, request -> true, DecodeMemory.UNBOUNDED);
  }

  public RequestPreparer(Deserializer<GroundingRequest> deserializer, ImageSource images, ImagePreprocessor preprocessor,
      Predicate<GroundingRequest> include) {
    this(deserializer, images, preprocessor, include, DecodeMemory.UNBOUNDED);
  }

  /** {@code decodeMemory}: the raster bytes this worker's concurrent decodes may hold together. */
  public RequestPreparer(Deserializer<GroundingRequest> deserializer, ImageSource images, ImagePreprocessor preprocessor,
      Predicate<GroundingRequest> include, DecodeMemory decodeMemory) {
    this.deserializer = deserializer;
    this.images = images;
    this.preprocessor = preprocessor;
    this.include = include;
    this.decodeMemory = decodeMemory;
  }

  /** A well-formed key for the request itself (for callers without the record's key). */
  private static byte[] keyOf(GroundingRequest request) {
    byte[] id = request.getRequestId().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] key = new byte[6 + id.length];
    key[5] = (byte) (id.length * 2); // Avro zig-zag length of the uuid string (36 chars)
    System.arraycopy(id, 0, key, 6, id.length);
    return key;
  }

  public PreparedRequest prepare(byte[] value) {
    return prepare(null, value, false);
  }

  public PreparedRequest prepare(byte[] key, byte[] value) {
    return prepare(key, value, true);
  }

  private PreparedRequest prepare(byte[] key, byte[] value, boolean checkKey) {
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
    try {
      if (checkKey) {
        RequestConsistency.checkKey(key, request);
      }
      RequestConsistency.checkRecord(request);
    } catch (RequestConsistency.InconsistentRequestException e) {
      return new PreparedRequest.Failed(RequestConsistency.STEP, e, request);
    }
    byte[] encoded;
    try {
      encoded = images.bytes(request.getImage());
    } catch (Exception e) {
      return new PreparedRequest.Failed(STEP_LOAD_IMAGE, e, request);
    }
    PreprocessedImage image;
    try {
      image = preprocessor.preprocess(encoded, ImageBudget.DEFAULT, decodeMemory);
    } catch (Exception | OutOfMemoryError e) {
      return new PreparedRequest.Failed(STEP_DECODE_IMAGE, e instanceof Exception ex ? ex : new Exception(e), request);
    }
    try {
      RequestConsistency.checkImage(request, image);
    } catch (RequestConsistency.InconsistentRequestException e) {
      return new PreparedRequest.Failed(RequestConsistency.STEP, e, request);
    }
    return new PreparedRequest.Ready(request, image, (System.nanoTime() - start) / 1e6);
  }
}
