package dev.groundstream.worker.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * sha256 over a model folder: for every regular file in sorted relative-path order, its path
 * ('/' separated) then a 0 byte then its bytes. A re-export that keeps the version still gets a
 * new digest; renaming a file changes it too.
 */
public final class ModelDigest {
  private ModelDigest() {}

  public static String of(Path folder) {
    MessageDigest sha = sha256();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list model folder " + folder, e);
    }
    byte[] buffer = new byte[1 << 16];
    for (Path file : files) {
      String relative = folder.relativize(file).toString().replace('\\', '/');
      sha.update(relative.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      try (InputStream in = Files.newInputStream(file)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read model file " + file, e);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
