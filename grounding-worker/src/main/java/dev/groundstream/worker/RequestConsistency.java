package dev.groundstream.worker;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.RequestKey;
import dev.groundstream.worker.model.PreprocessedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * What the worker refuses although the record decodes: anything ingest would have refused, and
 * anything that would put a result in the wrong place. A refused request is dead-lettered (step
 * {@value #STEP}) with the reason in the message, e.g. {@code key_mismatch: ...}:
 * <ul>
 *   <li>{@code key_mismatch}: the record key is not the request id inside the value (the result
 *       would land under the inner id in the key's partition, breaking co-partitioning);
 *   <li>{@code too_many_phrases}: more than {@value #MAX_PHRASES} phrases;
 *   <li>{@code bad_span}: a phrase span outside the caption, empty or reversed, or a phrase id twice;
 *   <li>{@code image_size_mismatch}: the declared image size is not the decoded one.
 * </ul>
 * The key is read as a Confluent-framed Avro {@link RequestKey} (the only key schema of the topic).
 */
public final class RequestConsistency {
  public static final String STEP = "validate";
  /** A hard ceiling above ingest's {@code max.phrases} (64 by default). */
  public static final int MAX_PHRASES = 256;

  /** A request that must not be grounded; the message starts with the reason code. */
  public static final class InconsistentRequestException extends Exception {
    InconsistentRequestException(String reason, String message) {
      super(reason + ": " + message);
    }
  }

  private RequestConsistency() {}

  /** The record key must be the request id inside the value. */
  public static void checkKey(byte[] key, GroundingRequest request) throws InconsistentRequestException {
    String keyId = keyRequestId(key);
    if (!request.getRequestId().toString().equals(keyId)) {
      throw new InconsistentRequestException("key_mismatch", "the record key is " + keyId
          + " but the request inside is " + request.getRequestId());
    }
  }

  /** Checks of the value made right after the Avro decode, before the image is loaded. */
  public static void checkRecord(GroundingRequest request) throws InconsistentRequestException {
    int phraseCount = request.getPhrases().size();
    if (phraseCount > MAX_PHRASES) {
      throw new InconsistentRequestException("too_many_phrases", phraseCount + " phrases; at most " + MAX_PHRASES);
    }
    int length = request.getCaption().length();
    Set<String> ids = new HashSet<>();
    for (Phrase p : request.getPhrases()) {
      if (p.getCharStart() < 0 || p.getCharEnd() > length || p.getCharStart() >= p.getCharEnd()) {
        throw new InconsistentRequestException("bad_span", "phrase " + p.getPhraseId() + " spans [" + p.getCharStart()
            + ", " + p.getCharEnd() + ") of a caption of " + length + " characters");
      }
      if (!ids.add(p.getPhraseId())) {
        throw new InconsistentRequestException("bad_span", "phrase id " + p.getPhraseId() + " appears twice");
      }
    }
  }

  /** Checks made once the image is decoded. */
  public static void checkImage(GroundingRequest request, PreprocessedImage image) throws InconsistentRequestException {
    int width = request.getImage().getWidth();
    int height = request.getImage().getHeight();
    if (width != image.originalWidth() || height != image.originalHeight()) {
      throw new InconsistentRequestException("image_size_mismatch", "the request declares " + width + "x" + height
          + " but the image is " + image.originalWidth() + "x" + image.originalHeight());
    }
  }

  private static String keyRequestId(byte[] key) throws InconsistentRequestException {
    if (key == null || key.length < 6 || key[0] != 0) {
      throw new InconsistentRequestException("key_mismatch", "the record key is not a Confluent-framed request key");
    }
    try {
      byte[] avro = Arrays.copyOfRange(key, 5, key.length);
      RequestKey decoded = new SpecificDatumReader<>(RequestKey.class)
          .read(null, DecoderFactory.get().binaryDecoder(avro, null));
      return decoded.getRequestId().toString();
    } catch (IOException | RuntimeException e) {
      throw new InconsistentRequestException("key_mismatch", "the record key is not a request key: " + e.getMessage());
    }
  }
}
