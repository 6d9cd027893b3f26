package dev.groundstream.ingest.images;

import dev.groundstream.avro.ImageRef;
import java.nio.ByteBuffer;

/**
 * Decides how an image travels: inline up to {@code inlineMaxBytes} (docs/architecture.md §2,
 * default 1 MiB), otherwise stored once in the claim-check store and referenced by its file: or s3:// URI.
 */
public final class ImageRefFactory {
  public static final long DEFAULT_INLINE_MAX_BYTES = 1024 * 1024;

  private final long inlineMaxBytes;
  private final ClaimCheckStore blobs;

  public ImageRefFactory(long inlineMaxBytes, ClaimCheckStore blobs) {
    this.inlineMaxBytes = inlineMaxBytes;
    this.blobs = blobs;
  }

  public ImageRef create(byte[] bytes, MediaType type, int width, int height, String sha256) {
    ImageRef.Builder ref = ImageRef.newBuilder()
        .setSha256(sha256)
        .setContentType(type.mimeType())
        .setWidth(width)
        .setHeight(height)
        .setSizeBytes(bytes.length);
    if (bytes.length <= inlineMaxBytes) {
      ref.setInline(ByteBuffer.wrap(bytes));
    } else {
      ref.setUri(blobs.put(bytes, sha256, type.extension()).toString());
    }
    return ref.build();
  }

  public ImageRef create(ValidatedImage image) {
    return create(image.bytes(), image.type(), image.width(), image.height(), image.sha256());
  }
}
