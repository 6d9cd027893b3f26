package dev.groundstream.ingest.images;

import java.net.URI;

/**
 * Where images over the inline limit are stored, once per content (claim check): a folder
 * ({@link BlobStore}, {@code file:} URIs, one machine) or an S3-compatible bucket
 * ({@link S3BlobStore}, {@code s3://} URIs, any machine). See {@link ClaimCheckStores#open}.
 */
public interface ClaimCheckStore {
  /** Stores the bytes under their sha256 (if not there yet) and returns the URI a request carries. */
  URI put(byte[] bytes, String sha256, String extension);

  /** Where blobs go, for logs and messages: a folder or an s3:// URL. */
  String location();
}
