package dev.groundstream.worker;

import dev.groundstream.avro.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The encoded bytes of a request's image: inline, a {@code file:} URI inside the configured blob
 * directory, or an {@code s3://} URI in the configured bucket (claim check). Paths outside that
 * directory, other buckets and other schemes are refused, so a request cannot make the worker read
 * arbitrary files; the file check is made on the real path (every symlink resolved, the blob
 * directory's own too), so a link inside the folder that points out of it is refused as well. A
 * 64-hex sha256 is verified.
 */
public final class ImageSource {
  private final Optional<Path> blobDir;
  private final Optional<S3ImageReader> s3;

  public ImageSource(Optional<Path> blobDir) {
    this(blobDir, Optional.empty());
  }

  /** Also reads {@code s3://} URIs of the configured bucket and prefix through {@code s3} (see {@link S3ImageReader}). */
  public ImageSource(Optional<Path> blobDir, Optional<S3ImageReader> s3) {
    this.blobDir = blobDir.map(p -> p.toAbsolutePath().normalize());
    this.s3 = s3;
  }

  public byte[] bytes(ImageRef ref) throws IOException {
    byte[] bytes;
    if (ref.getInline() != null) {
      ByteBuffer inline = ref.getInline().duplicate();
      bytes = new byte[inline.remaining()];
      inline.get(bytes);
    } else if (ref.getUri() != null && ref.getUri().startsWith("s3:")) {
      bytes = s3.orElseThrow(() -> new IOException("image URI " + ref.getUri()
          + " but no S3 blob store is configured (GROUNDSTREAM_BLOB_URL=s3://...)")).read(ref.getUri());
    } else if (ref.getUri() != null) {
      bytes = Files.readAllBytes(resolve(ref.getUri()));
    } else {
      throw new IOException("image has neither inline bytes nor a URI");
    }
    verify(ref.getSha256(), bytes);
    return bytes;
  }

  private Path resolve(String uriText) throws IOException {
    URI uri = URI.create(uriText);
    if (!"file".equals(uri.getScheme())) {
      throw new IOException("image URI scheme '" + uri.getScheme() + "' is not supported (only file:)");
    }
    if (blobDir.isEmpty()) {
      throw new IOException("image URI " + uriText + " but no blob directory is configured (GROUNDSTREAM_WORKER_BLOB_DIR or --blob-dir)");
    }
    Path path = Path.of(uri).toAbsolutePath().normalize();
    if (!path.startsWith(blobDir.get())) {
      throw new IOException("image URI " + uriText + " is outside the blob directory " + blobDir.get());
    }
    Path real = path.toRealPath(); // NoSuchFileException when missing
    Path realRoot = blobDir.get().toRealPath();
    if (!real.startsWith(realRoot)) {
      throw new IOException("image URI " + uriText + " is a link to " + real + ", outside the blob directory " + realRoot);
    }
    return real;
  }

  private static void verify(String expectedHex, byte[] bytes) throws IOException {
    if (expectedHex == null || !expectedHex.matches("[0-9a-fA-F]{64}")) {
      return; // no usable checksum given
    }
    try {
      String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      if (!actual.equalsIgnoreCase(expectedHex)) {
        throw new IOException("image sha256 " + actual + " does not match the request's " + expectedHex);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
