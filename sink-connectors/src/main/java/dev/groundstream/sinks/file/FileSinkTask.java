package dev.groundstream.sinks.file;

import dev.groundstream.sinks.SinkVersion;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once JSON Lines or Parquet files. The committed files are the source of truth for progress: on
 * open the task recovers each partition's files, seeks the consumer past the highest committed
 * offset and skips anything older; preCommit commits the files and then reports exactly the
 * offsets they contain (or the consumer position, when everything consumed is either in files or
 * was skipped by Connect), so Kafka's committed offsets never run ahead of the files.
 */
public class FileSinkTask extends SinkTask {
  private static final Logger LOG = LoggerFactory.getLogger(FileSinkTask.class);

  private FileSinkConfig config;
  private PartitionPath partitionPath;
  private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();

  @Override
  public String version() {
    return SinkVersion.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    config = new FileSinkConfig(props);
    partitionPath = new PartitionPath(config.modelField(), config.timeField());
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      try {
        long committedEnd = CommitRecovery.recover(config.outputDir(), partition);
        writers.put(partition, new TopicPartitionWriter(partition, config.outputDir(), config.format(), committedEnd));
        if (committedEnd >= 0) {
          LOG.info("{}: files hold offsets up to {}; resuming at {}", partition, committedEnd, committedEnd + 1);
          context.offset(partition, committedEnd + 1);
        }
      } catch (IOException e) {
        throw new ConnectException("Cannot recover the files of " + partition + " under " + config.outputDir(), e);
      }
    }
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    try {
      for (SinkRecord record : records) {
        if (record.value() == null && config.format() == FileFormat.PARQUET) {
          // A tombstone has no row to write (JSON Lines keeps it as "value": null); its offset is
          // settled by preCommit's consumer position like any record Connect did not hand over.
          continue;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
        TopicPartitionWriter writer = writers.get(partition);
        if (writer == null) { // a framework that skips open(): recover lazily
          open(java.util.List.of(partition));
          writer = writers.get(partition);
        }
        writer.write(partitionPath.of(record), record);
        if (writer.bufferedRecords() >= config.flushSize()) {
          writer.commit();
        }
      }
    } catch (IOException e) {
      throw new ConnectException("Cannot write files under " + config.outputDir(), e);
    }
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    try {
      for (Map.Entry<TopicPartition, TopicPartitionWriter> entry : writers.entrySet()) {
        entry.getValue().commit();
        long next = entry.getValue().committedEnd() + 1;
        // Records Connect consumed but never handed to put() (converter errors tolerated, filtered
        // by a transform) lie before the consumer position; with nothing buffered they are settled.
        OffsetAndMetadata consumed = currentOffsets.get(entry.getKey());
        if (consumed != null && consumed.offset() > next) {
          next = consumed.offset();
        }
        if (next > 0) {
          committed.put(entry.getKey(), new OffsetAndMetadata(next));
        }
      }
    } catch (IOException e) {
      throw new ConnectException("Cannot commit files under " + config.outputDir(), e);
    }
    return committed;
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      TopicPartitionWriter writer = writers.remove(partition);
      if (writer != null) {
        writer.discard();
      }
    }
  }

  @Override
  public void stop() {
    writers.values().forEach(TopicPartitionWriter::discard);
    writers.clear();
  }
}
