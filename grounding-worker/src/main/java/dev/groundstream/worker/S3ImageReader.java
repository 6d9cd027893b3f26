package dev.groundstream.worker;

import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.S3Clients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads claim-checked images from the configured S3-compatible bucket. The rules of the blob
 * folder apply: only keys in the configured bucket under its prefix are read (no {@code ..}),
 * the endpoint is the configured one (an image URI names a bucket and key, never a host, so a
 * request cannot make the worker call an address of its choosing), and an object over
 * {@link #MAX_BYTES} is refused before it is buffered.
 */
public final class S3ImageReader {
  static final long MAX_BYTES = 256L * 1024 * 1024;

  private final S3Blobs blobs;
  private final S3Client client;

  public S3ImageReader(S3Blobs blobs, S3Client client) {
    this.blobs = blobs;
    this.client = client;
  }

  public static S3ImageReader open(S3Blobs blobs) {
    return new S3ImageReader(blobs, S3Clients.create(blobs));
  }

  public byte[] read(String uriText) throws IOException {
    URI uri;
    try {
      uri = URI.create(uriText);
    } catch (IllegalArgumentException e) {
      throw new IOException("image URI " + uriText + " is not a URI");
    }
    String key = blobs.keyOf(uri).orElseThrow(() -> new IOException("image URI " + uriText
        + " is outside the blob store " + blobs.uriOf(blobs.prefix())));
    try (ResponseInputStream<GetObjectResponse> in = client.getObject(
        GetObjectRequest.builder().bucket(blobs.bucket()).key(key).build())) {
      Long length = in.response().contentLength();
      if (length != null && length > MAX_BYTES) {
        throw new IOException("image " + uriText + " is " + length + " bytes, over " + MAX_BYTES);
      }
      return readCapped(in);
    } catch (S3Exception e) {
      throw new IOException("cannot read image " + uriText + ": " + e.statusCode() + " "
          + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()), e);
    }
  }

  private static byte[] readCapped(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
    if (bytes.length > MAX_BYTES) {
      throw new IOException("image is over " + MAX_BYTES + " bytes");
    }
    return bytes;
  }
}
