package dev.groundstream.sinks.packaging;

import dev.groundstream.sinks.file.FileSinkTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * Run by PluginFolderIT in a JVM whose class path is only the plugin folder plus the jars a Kafka
 * worker provides: writes Parquet through the file sink, so a jar missing from the folder (hidden
 * by the test class path in-process) fails here. Uses nothing but the Connect API and our task.
 */
public final class ParquetWriteProbe {
  private ParquetWriteProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Schema model = SchemaBuilder.struct().name("dev.groundstream.avro.ModelRef")
        .field("name", Schema.STRING_SCHEMA).field("version", Schema.STRING_SCHEMA).build();
    Schema value = SchemaBuilder.struct().name("probe.Row").field("model", model)
        .field("eventTime", Timestamp.SCHEMA).field("values", SchemaBuilder.array(Schema.FLOAT32_SCHEMA).build()).build();
    FileSinkTask task = new FileSinkTask();
    task.initialize(new NoOpContext());
    task.start(Map.of("output.dir", dir.toString(), "format", "parquet", "partition.time.field", "eventTime"));
    TopicPartition partition = new TopicPartition("probe", 0);
    task.open(List.of(partition));
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Struct struct = new Struct(value).put("model", new Struct(model).put("name", "m").put("version", "1"))
          .put("eventTime", new java.util.Date(0)).put("values", List.of(1f, 2f));
      records.add(new SinkRecord("probe", 0, null, null, value, struct, i));
    }
    task.put(records);
    long next = task.preCommit(Map.of()).get(partition).offset();
    task.stop();
    Path file = dir.resolve("model=m:1/date=1970-01-01/probe+0+0-2.parquet");
    if (next != 3 || !Files.isRegularFile(file)) {
      throw new AssertionError("expected " + file + " and offset 3, got offset " + next);
    }
    System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
  }

  private static final class NoOpContext implements SinkTaskContext {
    @Override public Map<String, String> configs() { return Map.of(); }
    @Override public void offset(Map<TopicPartition, Long> offsets) {}
    @Override public void offset(TopicPartition tp, long offset) {}
    @Override public void timeout(long timeoutMs) {}
    @Override public Set<TopicPartition> assignment() { return Set.of(); }
    @Override public void pause(TopicPartition... partitions) {}
    @Override public void resume(TopicPartition... partitions) {}
    @Override public void requestCommit() {}
    @Override public PluginMetrics pluginMetrics() { return null; }
  }
}
