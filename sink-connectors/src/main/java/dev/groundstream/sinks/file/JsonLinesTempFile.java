package dev.groundstream.sinks.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.kafka.connect.sink.SinkRecord;

/** A temp file of JSON lines: every record is appended as it comes, so any schema mix fits. */
final class JsonLinesTempFile implements TempFile {
  private static final JsonLineEncoder ENCODER = new JsonLineEncoder();
  private final Path path;
  private final FileChannel channel;

  JsonLinesTempFile(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public boolean accepts(SinkRecord record) {
    return true;
  }

  @Override
  public void write(SinkRecord record) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(ENCODER.encode(record).getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  @Override
  public void syncAndClose() throws IOException {
    channel.force(true);
    channel.close();
  }

  @Override
  public void discard() {
    try {
      channel.close();
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A leftover temp file is deleted by the next recovery.
    }
  }
}
