package dev.groundstream.sinks.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A SinkTaskContext for driving a task directly: records seeks, timeouts and reported records. */
public final class RecordingSinkTaskContext implements SinkTaskContext {
  public record Reported(SinkRecord record, Throwable reason) {}

  public final Map<TopicPartition, Long> seeks = new HashMap<>();
  public final List<Reported> reported = new ArrayList<>();
  public final Set<TopicPartition> assignment = new HashSet<>();
  public long lastTimeoutMs = -1;
  private final boolean withReporter;

  public RecordingSinkTaskContext(boolean withReporter) {
    this.withReporter = withReporter;
  }

  @Override
  public Map<String, String> configs() {
    return Map.of();
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {
    seeks.putAll(offsets);
  }

  @Override
  public void offset(TopicPartition tp, long offset) {
    seeks.put(tp, offset);
  }

  @Override
  public void timeout(long timeoutMs) {
    lastTimeoutMs = timeoutMs;
  }

  @Override
  public Set<TopicPartition> assignment() {
    return assignment;
  }

  @Override
  public void pause(TopicPartition... partitions) {}

  @Override
  public void resume(TopicPartition... partitions) {}

  @Override
  public void requestCommit() {}

  @Override
  public ErrantRecordReporter errantRecordReporter() {
    return withReporter ? (record, error) -> {
      reported.add(new Reported(record, error));
      return CompletableFuture.completedFuture(null);
    } : null;
  }

  @Override
  public PluginMetrics pluginMetrics() {
    return null;
  }
}
