package dev.groundstream.ingest.images;

/** Encoded image bytes that decoded cleanly, with what the decode told us. */
public record ValidatedImage(byte[] bytes, MediaType type, int width, int height, String sha256) {
  public long sizeBytes() {
    return bytes.length;
  }
}
