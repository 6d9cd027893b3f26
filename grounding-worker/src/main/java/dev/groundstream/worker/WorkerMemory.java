package dev.groundstream.worker;

import dev.groundstream.images.DecodeMemory;

/**
 * What one worker may hold in memory besides its queue: the raster bytes of the decodes in flight
 * at once ({@link DecodeMemory}) and the phrase texts whose encodings the ranker keeps.
 *
 * @param decodeBytes raster bytes all concurrent decodes may hold together (--decode-memory)
 * @param textEncodingCache phrase texts whose text encodings are kept, least recently used dropped
 *     first (--text-encoding-cache); 0 = none kept
 */
public record WorkerMemory(long decodeBytes, int textEncodingCache) {
  public static final int DEFAULT_TEXT_ENCODING_CACHE = 10_000;
  public static final WorkerMemory DEFAULT = new WorkerMemory(DecodeMemory.DEFAULT_BYTES, DEFAULT_TEXT_ENCODING_CACHE);

  public WorkerMemory {
    if (decodeBytes < 1024 || textEncodingCache < 0) {
      throw new IllegalArgumentException("need decode memory >= 1 KiB and a text encoding cache >= 0; got "
          + decodeBytes + ", " + textEncodingCache);
    }
  }
}
