package dev.groundstream.eval.streams;

import dev.groundstream.avro.ModelRef;
import java.util.UUID;

/**
 * String keys of the state stores. Parts are joined with the ASCII unit separator, which never
 * occurs in request ids, model names or dataset names, so a prefix scan of "requestId + SEP" finds
 * exactly one request's entries.
 */
public final class CompositeKeys {
  public static final char SEP = '\u001f';

  private CompositeKeys() {}

  /** Model as "name:version", the form used on every topic key and in the API. */
  public static String modelId(ModelRef model) {
    return model.getName() + ":" + model.getVersion();
  }

  public static String requestModel(UUID requestId, String modelId) {
    return requestPrefix(requestId) + modelId;
  }

  public static String requestPrefix(UUID requestId) {
    return requestId.toString() + SEP;
  }

  public static String modelDataset(String modelId, String dataset) {
    return modelId + SEP + dataset;
  }

  /** Splits a two-part key back into its parts. */
  public static String[] split(String key) {
    int at = key.indexOf(SEP);
    if (at < 0) {
      throw new IllegalArgumentException("not a composite key: " + key);
    }
    return new String[] {key.substring(0, at), key.substring(at + 1)};
  }
}
