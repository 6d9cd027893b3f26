package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourceTest {
  @TempDir Path dir;

  @Test
  void readsInlineAndBlobDirectoryFilesAndVerifiesTheChecksum() throws IOException {
    Path blobs = Files.createDirectory(dir.resolve("blobs"));
    byte[] bytes = {1, 2, 3};
    Path file = Files.write(blobs.resolve("a.png"), bytes);
    ImageSource source = new ImageSource(Optional.of(blobs));
    assertArrayEquals(bytes, source.bytes(WorkerTestKit.inline(bytes, 1, 1)));
    assertArrayEquals(bytes, source.bytes(WorkerTestKit.uri(file, bytes, 1, 1)));
    ImageRef wrongSum = WorkerTestKit.uri(file, new byte[] {9}, 1, 1);
    IOException e = assertThrows(IOException.class, () -> source.bytes(wrongSum));
    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
  }

  @Test
  void refusesPathsOutsideTheBlobDirectoryAndOtherSchemes() throws IOException {
    Path blobs = Files.createDirectory(dir.resolve("blobs"));
    Path secret = Files.write(dir.resolve("secret.png"), new byte[] {1});
    ImageSource source = new ImageSource(Optional.of(blobs));
    ImageRef escape = ImageRef.newBuilder().setUri(blobs.toUri() + "../secret.png").setSha256("").setWidth(1).setHeight(1).build();
    assertThrows(IOException.class, () -> source.bytes(escape));
    assertThrows(IOException.class, () -> source.bytes(WorkerTestKit.uri(secret, new byte[] {1}, 1, 1)));
    ImageRef http = ImageRef.newBuilder().setUri("http://example.com/a.png").setSha256("").setWidth(1).setHeight(1).build();
    assertThrows(IOException.class, () -> source.bytes(http));
    assertThrows(IOException.class, () -> new ImageSource(Optional.empty()).bytes(WorkerTestKit.uri(secret, new byte[] {1}, 1, 1)));
  }

  @Test
  void refusesSymlinksThatLeadOutOfTheBlobDirectory() throws IOException {
    Path blobs = Files.createDirectory(dir.resolve("blobs"));
    Path hostname = Path.of("/etc/hostname");
    Path target = Files.exists(hostname) ? hostname : Files.write(dir.resolve("outside.txt"), new byte[] {7});
    Path link = Files.createSymbolicLink(blobs.resolve("ab.png"), target);
    ImageSource source = new ImageSource(Optional.of(blobs));
    IOException e = assertThrows(IOException.class, () -> source.bytes(
        ImageRef.newBuilder().setUri(link.toUri().toString()).setSha256("").setWidth(1).setHeight(1).build()));
    assertTrue(e.getMessage().contains("outside the blob directory"), e.getMessage());
    // A link that stays inside the folder is followed.
    byte[] bytes = {4, 5, 6};
    Path real = Files.write(Files.createDirectory(blobs.resolve("cd")).resolve("real.png"), bytes);
    Path inside = Files.createSymbolicLink(blobs.resolve("inside.png"), real);
    assertArrayEquals(bytes, source.bytes(WorkerTestKit.uri(inside, bytes, 1, 1)));
  }
}
