package dev.groundstream.sinks.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A hidden file receiving one folder's lines until its commit. */
final class TempFile {
  private final Path path;
  private final FileChannel channel;

  TempFile(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  Path path() {
    return path;
  }

  void append(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Makes the content durable before the file is renamed: a rename must never expose a torn file. */
  void syncAndClose() throws IOException {
    channel.force(true);
    channel.close();
  }

  void discard() {
    try {
      channel.close();
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A leftover temp file is deleted by the next recovery.
    }
  }
}
