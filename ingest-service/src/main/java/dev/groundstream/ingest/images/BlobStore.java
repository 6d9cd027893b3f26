package dev.groundstream.ingest.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Content-addressed storage for images too large to travel inline (claim check). A blob lives at
 * {@code <root>/<sha[0..2]>/<sha>.<ext>}; the same bytes are stored once, and writes go through a
 * temporary file and an atomic rename so a reader never sees a half-written blob.
 */
public final class BlobStore implements ClaimCheckStore {
  private final Path root;

  public BlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public String location() {
    return root.toString();
  }

  /** Stores the bytes (if not there yet) and returns the blob's file: URI. */
  @Override
  public URI put(byte[] bytes, String sha256, String extension) {
    Path target = root.resolve(sha256.substring(0, 2)).resolve(sha256 + "." + extension);
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), sha256, ".tmp");
        try {
          Files.write(tmp, bytes);
          try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      return target.toUri();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store blob " + sha256 + " under " + root, e);
    }
  }
}
