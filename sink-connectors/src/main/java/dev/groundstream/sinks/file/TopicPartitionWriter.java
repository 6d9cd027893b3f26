package dev.groundstream.sinks.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Buffers one topic partition's records in one temp file per folder and commits them together.
 * Commit protocol: (1) sync and rename every temp file to "<final>.pending"; (2) rename each
 * pending file to its final name. The first final rename is the commit point: recovery finishes
 * the renames of a commit that has any final file and deletes the pending files of one that has
 * none. So a commit is all or nothing, and the highest committed end offset is exact.
 */
final class TopicPartitionWriter {
  private final TopicPartition partition;
  private final Path outputDir;
  private final FileFormat format;
  private final Map<String, TempFile> openFiles = new LinkedHashMap<>();
  private long committedEnd;
  private long bufferedStart = -1;
  private long bufferedEnd = -1;
  private int bufferedRecords;

  /** {@code committedEnd} is the last offset already in committed files, or -1. */
  TopicPartitionWriter(TopicPartition partition, Path outputDir, FileFormat format, long committedEnd) {
    this.partition = partition;
    this.outputDir = outputDir;
    this.format = format;
    this.committedEnd = committedEnd;
  }

  long committedEnd() {
    return committedEnd;
  }

  int bufferedRecords() {
    return bufferedRecords;
  }

  /** Returns false (and writes nothing) for an offset a committed file already holds. */
  boolean write(String folder, SinkRecord record) throws IOException {
    long offset = record.kafkaOffset();
    if (offset <= committedEnd || offset <= bufferedEnd) {
      return false;
    }
    TempFile file = openFiles.get(folder);
    if (file != null && !file.accepts(record)) {
      commit(); // a new schema version: what came before is committed, the record starts new files
      file = null;
    }
    if (file == null) {
      file = format.createTemp(outputDir.resolve(folder).resolve(FileNames.tempName(partition)));
      openFiles.put(folder, file);
    }
    file.write(record);
    if (bufferedStart < 0) {
      bufferedStart = offset;
    }
    bufferedEnd = offset;
    bufferedRecords++;
    return true;
  }

  void commit() throws IOException {
    if (openFiles.isEmpty()) {
      return;
    }
    FileNames.Commit commit = new FileNames.Commit(partition, bufferedStart, bufferedEnd, format);
    List<Path> pending = new ArrayList<>();
    for (TempFile file : openFiles.values()) {
      file.syncAndClose();
      Path target = file.path().resolveSibling(commit.pendingName());
      Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
      pending.add(target);
    }
    for (Path file : pending) {
      Files.move(file, file.resolveSibling(commit.fileName()), StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(file.getParent());
    }
    openFiles.clear();
    committedEnd = bufferedEnd;
    bufferedStart = -1;
    bufferedRecords = 0;
  }

  /** Drops uncommitted data: its offsets were not committed either, so Kafka redelivers it. */
  void discard() {
    openFiles.values().forEach(TempFile::discard);
    openFiles.clear();
    bufferedStart = -1;
    bufferedEnd = -1;
    bufferedRecords = 0;
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Not every platform can sync a directory; the rename itself is still atomic.
    }
  }
}
