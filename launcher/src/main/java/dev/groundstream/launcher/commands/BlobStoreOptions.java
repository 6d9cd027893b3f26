package dev.groundstream.launcher.commands;

import dev.groundstream.config.S3Blobs;
import dev.groundstream.ingest.images.ClaimCheckStore;
import dev.groundstream.ingest.images.ClaimCheckStores;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a command finds the local mode's data and where claim-checked images go, the same for
 * every command: {@code --data-dir D} (the folder {@code groundstream local --data-dir D} uses:
 * blobs in D/blobs, import checkpoints in D/import-checkpoints.properties), or {@code --blob-dir}
 * (a folder or {@code s3://bucket/prefix} with the GROUNDSTREAM_S3_* settings), else the shared
 * GROUNDSTREAM_BLOB_URL / GROUNDSTREAM_BLOB_DIR environment, else ./groundstream-data/blobs —
 * the default data dir of {@code groundstream local}.
 */
public final class BlobStoreOptions {
  static final String DEFAULT_DATA_DIR = "groundstream-data";

  @Option(names = "--data-dir", description = "The local mode's data dir: images over the inline limit go to "
      + "<data-dir>/blobs (default ./" + DEFAULT_DATA_DIR + ", as groundstream local).")
  Path dataDir;

  @Option(names = "--blob-dir", description = "Claim-check store: a folder or s3://bucket/prefix (GROUNDSTREAM_S3_* "
      + "settings); default <data-dir>/blobs, or GROUNDSTREAM_BLOB_URL / GROUNDSTREAM_BLOB_DIR when set.")
  String blobDir;

  public Path dataDir() {
    return dataDir != null ? dataDir : Path.of(DEFAULT_DATA_DIR);
  }

  /** The store's location: the flag, else (without --data-dir) the environment, else the data dir's blobs. */
  public String location(Map<String, String> env) {
    if (blobDir != null) {
      return blobDir;
    }
    if (dataDir == null) {
      for (String name : new String[] {S3Blobs.BLOB_URL_ENV, "GROUNDSTREAM_BLOB_DIR"}) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
    }
    return dataDir().resolve("blobs").toString();
  }

  public ClaimCheckStore open() {
    return ClaimCheckStores.open(location(System.getenv()), System.getenv());
  }

  /** The folder, when the store is one (what a worker's blob-folder rule needs). */
  public Optional<Path> folder() {
    String location = location(System.getenv());
    return S3Blobs.isS3(location) ? Optional.empty() : Optional.of(Path.of(location));
  }

  /** The bucket, when the store is one. */
  public Optional<S3Blobs> bucket() {
    String location = location(System.getenv());
    return S3Blobs.isS3(location) ? Optional.of(S3Blobs.parse(location, System.getenv())) : Optional.empty();
  }
}
