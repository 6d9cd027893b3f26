package dev.groundstream.sinks.file;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * The names that make commits atomic and recoverable. A file being written is a hidden temp file;
 * at commit it becomes a hidden ".pending" file carrying its final name, then the final name
 * {@code <topic>+<partition>+<startOffset>-<endOffset>.<jsonl|parquet>}. Start and end are the first and last
 * offsets of the commit (all files of one commit share them; each holds that commit's records of
 * its model and date). Kafka topic names cannot contain '+', so the names parse unambiguously.
 * Both extensions parse, so recovery still sees the offsets committed before a change of format.
 */
public final class FileNames {
  private static final Pattern COMMITTED =
      Pattern.compile("([A-Za-z0-9._-]+)\\+(\\d+)\\+(\\d+)-(\\d+)\\.(jsonl|parquet)");
  private static final Pattern PENDING = Pattern.compile("\\.(.+\\.(?:jsonl|parquet))\\.pending");
  private static final Pattern TEMP = Pattern.compile("\\.([A-Za-z0-9._-]+)\\+(\\d+)\\.[0-9a-f-]+\\.tmp");

  /** The offsets range of one commit of one topic partition, in files of {@code format}. */
  public record Commit(TopicPartition partition, long startOffset, long endOffset, FileFormat format) {
    public String fileName() {
      return partition.topic() + "+" + partition.partition() + "+" + startOffset + "-" + endOffset
          + "." + format.extension();
    }

    public String pendingName() {
      return "." + fileName() + ".pending";
    }
  }

  private FileNames() {}

  public static String tempName(TopicPartition partition) {
    return "." + partition.topic() + "+" + partition.partition() + "." + UUID.randomUUID() + ".tmp";
  }

  public static Optional<Commit> parseCommitted(String name) {
    Matcher m = COMMITTED.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Commit(new TopicPartition(m.group(1), Integer.parseInt(m.group(2))),
        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), FileFormat.ofExtension(m.group(5))));
  }

  public static Optional<Commit> parsePending(String name) {
    Matcher m = PENDING.matcher(name);
    return m.matches() ? parseCommitted(m.group(1)) : Optional.empty();
  }

  public static Optional<TopicPartition> parseTemp(String name) {
    Matcher m = TEMP.matcher(name);
    return m.matches() ? Optional.of(new TopicPartition(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
  }
}
