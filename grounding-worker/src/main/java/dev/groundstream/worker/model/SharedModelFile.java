package dev.groundstream.worker.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Rules for a card that reuses a file of another model folder (e.g. models/centernet-ranker points
 * at ../centernet-coco/model.onnx instead of copying 8 MB of weights): the file must lie in a sibling
 * folder that is itself a model folder (has its own card), and a declared sha256 must match, because
 * the folder digest of the reusing model only covers its own card, which pins that hash.
 */
final class SharedModelFile {
  private SharedModelFile() {}

  /** True if {@code file} lies inside a sibling of {@code folder} that holds a model card. */
  static boolean inSiblingModelFolder(Path folder, Path file) {
    Path parent = folder.toAbsolutePath().normalize().getParent();
    Path target = file.toAbsolutePath().normalize();
    if (parent == null || !target.startsWith(parent)) {
      return false;
    }
    Path relative = parent.relativize(target);
    return relative.getNameCount() >= 2
        && Files.isRegularFile(parent.resolve(relative.getName(0)).resolve(ModelCard.FILE_NAME));
  }

  /** Throws unless {@code file}'s sha256 is {@code expectedHex}. */
  static void requireSha256(Path file, String expectedHex) {
    String actual = sha256(file);
    if (!actual.equals(expectedHex.toLowerCase(Locale.ROOT))) {
      throw new ModelCardException("sha256 of " + file + " is " + actual + ", the card expects " + expectedHex);
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
