package dev.groundstream.ingest.images;

import dev.groundstream.config.S3Blobs;
import dev.groundstream.config.S3Clients;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the claim-check store a setting names: {@code s3://bucket[/prefix]} is an S3-compatible
 * bucket reached with the GROUNDSTREAM_S3_* settings of {@code env} (see {@link S3Blobs});
 * anything else is a folder.
 */
public final class ClaimCheckStores {
  private ClaimCheckStores() {}

  public static ClaimCheckStore open(String location, Map<String, String> env) {
    if (S3Blobs.isS3(location)) {
      S3Blobs blobs = S3Blobs.parse(location, env);
      return new S3BlobStore(blobs, S3Clients.create(blobs));
    }
    return new BlobStore(Path.of(location));
  }
}
