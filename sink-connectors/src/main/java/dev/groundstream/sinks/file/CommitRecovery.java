package dev.groundstream.sinks.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one topic partition's files to a committed state when a task takes it over: finishes
 * interrupted commits, deletes temp files and abandoned pending files, and returns the last
 * committed offset. Only files of this topic partition are touched, so tasks sharing the
 * directory do not disturb each other.
 */
final class CommitRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(CommitRecovery.class);

  private CommitRecovery() {}

  /** The highest committed end offset of {@code partition} under {@code dir}, or -1. */
  static long recover(Path dir, TopicPartition partition) throws IOException {
    if (!Files.isDirectory(dir)) {
      return -1;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    Set<FileNames.Commit> committed = new HashSet<>();
    List<Path> pending = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Optional<FileNames.Commit> commit = FileNames.parseCommitted(name);
      if (commit.isPresent() && commit.get().partition().equals(partition)) {
        committed.add(commit.get());
      } else if (FileNames.parsePending(name).filter(c -> c.partition().equals(partition)).isPresent()) {
        pending.add(file);
      } else if (FileNames.parseTemp(name).filter(partition::equals).isPresent()) {
        LOG.info("Deleting uncommitted temp file {}", file);
        Files.delete(file);
      }
    }
    for (Path file : pending) {
      FileNames.Commit commit = FileNames.parsePending(file.getFileName().toString()).orElseThrow();
      if (committed.contains(commit)) {
        LOG.info("Finishing interrupted commit {}: {}", commit.fileName(), file.getParent());
        Files.move(file, file.resolveSibling(commit.fileName()), StandardCopyOption.ATOMIC_MOVE);
      } else {
        LOG.info("Deleting pending file of a commit that never reached its commit point: {}", file);
        Files.delete(file);
      }
    }
    return committed.stream().mapToLong(FileNames.Commit::endOffset).max().orElse(-1);
  }
}
