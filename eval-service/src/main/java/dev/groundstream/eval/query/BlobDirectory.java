package dev.groundstream.eval.query;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The claim-check directory ({@code blob-dir}) whose files the image viewer may serve. Only
 * {@code file:} URIs resolving (after following links) to a regular file inside it are readable;
 * anything else, http(s) included, is refused: the service never fetches URIs on a caller's behalf.
 */
public final class BlobDirectory {
  private final Path root;

  /** @param root the blob directory, or null when none is configured (then nothing is served) */
  public BlobDirectory(Path root) {
    this.root = root;
  }

  /** The file's bytes, or empty when the URI is not a servable file inside the blob directory. */
  public Optional<byte[]> read(String uriText) {
    if (root == null || uriText == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(uriText);
      if (!"file".equalsIgnoreCase(uri.getScheme())) {
        return Optional.empty();
      }
      Path realRoot = root.toRealPath();
      Path file = Path.of(uri).toRealPath(); // resolves "..", symbolic links
      if (!file.startsWith(realRoot) || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (URISyntaxException | IllegalArgumentException | IOException | SecurityException e) {
      return Optional.empty(); // malformed, missing or unreadable: not servable
    }
  }
}
