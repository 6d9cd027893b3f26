package dev.groundstream.ingest.importers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The last completed sample index per dataset, as a properties file ({@code <dataset>=<index>}).
 * Written by temp file + atomic rename, so a crash leaves either the old or the new checkpoint.
 */
public final class CheckpointFile {
  private final Path file;

  public CheckpointFile(Path file) {
    this.file = file;
  }

  /** The last completed index, or -1 when the dataset has not been started. */
  public synchronized int lastCompleted(String dataset) throws IOException {
    String value = load().getProperty(dataset);
    return value == null ? -1 : Integer.parseInt(value.trim());
  }

  public synchronized void markCompleted(String dataset, int index) throws IOException {
    Properties props = load();
    props.setProperty(dataset, Integer.toString(index));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        props.store(out, "GroundStream import checkpoints: last completed sample index per dataset");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Properties load() throws IOException {
    Properties props = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(in);
      }
    }
    return props;
  }
}
