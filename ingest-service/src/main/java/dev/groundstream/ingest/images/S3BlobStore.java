package dev.groundstream.ingest.images;

import dev.groundstream.config.S3Blobs;
import java.net.URI;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The claim check in an S3-compatible object store: a blob is the object
 * {@code <prefix>/<sha[0..2]>/<sha>.<ext>} of the configured bucket, written once (a HEAD first;
 * an S3 PUT is atomic, so a reader never sees half an object), referenced as
 * {@code s3://bucket/<key>}. Any machine with the store's settings can read it.
 */
public final class S3BlobStore implements ClaimCheckStore, AutoCloseable {
  private final S3Blobs blobs;
  private final S3Client client;

  public S3BlobStore(S3Blobs blobs, S3Client client) {
    this.blobs = blobs;
    this.client = client;
  }

  @Override
  public URI put(byte[] bytes, String sha256, String extension) {
    String key = blobs.key(sha256.substring(0, 2) + "/" + sha256 + "." + extension);
    try {
      if (!exists(key)) {
        client.putObject(PutObjectRequest.builder().bucket(blobs.bucket()).key(key)
            .contentType(contentType(extension)).build(), RequestBody.fromBytes(bytes));
      }
      return blobs.uriOf(key);
    } catch (S3Exception e) {
      throw new IllegalStateException("Cannot store blob " + sha256 + " in " + location() + ": "
          + e.awsErrorDetails().errorMessage(), e);
    }
  }

  private boolean exists(String key) {
    try {
      client.headObject(HeadObjectRequest.builder().bucket(blobs.bucket()).key(key).build());
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static String contentType(String extension) {
    for (MediaType type : MediaType.values()) {
      if (type.extension().equals(extension)) {
        return type.mimeType();
      }
    }
    return "application/octet-stream";
  }

  @Override
  public String location() {
    return blobs.uriOf(blobs.prefix()).toString();
  }

  @Override
  public void close() {
    client.close();
  }
}
