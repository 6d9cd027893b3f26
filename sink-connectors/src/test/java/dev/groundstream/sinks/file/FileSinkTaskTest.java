package dev.groundstream.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.schemas.Topics;
import dev.groundstream.sinks.testing.ConnectRecords;
import dev.groundstream.sinks.testing.RecordingSinkTaskContext;
import dev.groundstream.testing.SampleRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The file sink task driven directly, in both formats, including crashes at every step of a commit. */
class FileSinkTaskTest {
  private static final TopicPartition TP = new TopicPartition(Topics.EVALUATIONS, 2);
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** Even offsets by model version 1.0.0, odd by 2.0.0; event dates alternate between two days. */
  private static SinkRecord record(long offset) {
    Evaluation e = SampleRecords.evaluation((int) offset);
    e.getModel().setVersion(offset % 2 == 0 ? "1.0.0" : "2.0.0");
    e.setEventTime(Instant.parse(offset % 4 < 2 ? "2026-11-20T23:59:59Z" : "2026-11-21T00:00:00Z"));
    return ConnectRecords.sinkRecord(TP.topic(), TP.partition(), offset, e);
  }

  private static List<SinkRecord> records(long from, long to) {
    List<SinkRecord> out = new ArrayList<>();
    for (long o = from; o < to; o++) {
      out.add(record(o));
    }
    return out;
  }

  private FileSinkTask start(RecordingSinkTaskContext context) {
    return start(context, FileFormat.JSONL);
  }

  private FileSinkTask start(RecordingSinkTaskContext context, FileFormat format) {
    FileSinkTask task = new FileSinkTask();
    task.initialize(context);
    task.start(Map.of("output.dir", dir.toString(), "partition.time.field", "eventTime", "format", format.extension()));
    task.open(List.of(TP));
    return task;
  }

  private List<Path> files(String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Offsets of all committed records (lines or rows), sorted; duplicates stay visible. */
  private List<Long> committedOffsets() throws IOException {
    return committedOffsets(FileFormat.JSONL);
  }

  private List<Long> committedOffsets(FileFormat format) throws IOException {
    List<Long> offsets = new ArrayList<>();
    for (Path file : files("." + format.extension())) {
      assertFalse(file.getFileName().toString().startsWith("."), "hidden file with final suffix: " + file);
      offsets.addAll(WrittenFiles.offsets(file));
    }
    return offsets.stream().sorted().toList();
  }

  private static List<Long> range(long from, long to) {
    return java.util.stream.LongStream.range(from, to).boxed().toList();
  }

  @Test
  void commitsPartitionedFilesNamedByOffsetsAndReportsTheirOffsets() throws Exception {
    FileSinkTask task = start(new RecordingSinkTaskContext(false));
    task.put(records(0, 8));
    assertTrue(files(".jsonl").isEmpty(), "nothing is visible before the commit");
    Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of());
    assertEquals(8, committed.get(TP).offset());
    task.stop();

    List<String> names = files(".jsonl").stream().map(p -> dir.relativize(p).toString()).toList();
    assertEquals(List.of(
        "model=centernet-ranker:1.0.0/date=2026-11-20/grounding.evaluations+2+0-7.jsonl",
        "model=centernet-ranker:1.0.0/date=2026-11-21/grounding.evaluations+2+0-7.jsonl",
        "model=centernet-ranker:2.0.0/date=2026-11-20/grounding.evaluations+2+0-7.jsonl",
        "model=centernet-ranker:2.0.0/date=2026-11-21/grounding.evaluations+2+0-7.jsonl"), names);
    assertEquals(range(0, 8), committedOffsets());
    JsonNode line = JSON.readTree(Files.readAllLines(files(".jsonl").get(0)).get(0));
    assertEquals("2026-11-20T23:59:59Z", line.get("eventTime").asText());
    assertEquals("people", line.get("phrases").get(0).get("types").get(0).asText());
    assertTrue(files(".tmp").isEmpty() && files(".pending").isEmpty());
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void aCrashBetweenWriteAndCommitLeavesNoPartialFileAndNoDuplicateAfterRestart(FileFormat format) throws Exception {
    FileSinkTask first = start(new RecordingSinkTaskContext(false), format);
    first.put(records(0, 4));
    first.preCommit(Map.of());
    first.put(records(4, 10));
    // Killed here: no preCommit, no close, no stop. Its temp files stay behind, open (a Parquet
    // temp file has no footer yet: unreadable).
    assertEquals(4, files(".tmp").size());
    assertEquals(range(0, 4), committedOffsets(format));

    RecordingSinkTaskContext context = new RecordingSinkTaskContext(false);
    FileSinkTask second = start(context, format);
    assertTrue(files(".tmp").isEmpty(), "recovery deletes the crashed task's temp files");
    assertEquals(4L, context.seeks.get(TP), "resumes after the last committed offset");
    // Kafka redelivers from the committed consumer offset, which may be older than the files:
    second.put(records(0, 10));
    assertEquals(10, second.preCommit(Map.of()).get(TP).offset());
    second.stop();
    assertEquals(range(0, 10), committedOffsets(format));
    assertEquals(8, files("." + format.extension()).size(), "two commits, four folders each");
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void aCrashBeforeTheCommitPointDiscardsTheWholeCommit(FileFormat format) throws Exception {
    String ext = "." + format.extension();
    FileSinkTask first = start(new RecordingSinkTaskContext(false), format);
    first.put(records(0, 4));
    first.preCommit(Map.of());
    first.put(records(4, 8));
    first.preCommit(Map.of());
    // Rewind the second commit to "all files renamed to .pending, none final yet".
    for (Path file : files("+4-7" + ext)) {
      Files.move(file, file.resolveSibling(".grounding.evaluations+2+4-7" + ext + ".pending"));
    }
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(false);
    FileSinkTask second = start(context, format);
    assertTrue(files(".pending").isEmpty());
    assertEquals(4L, context.seeks.get(TP));
    assertEquals(range(0, 4), committedOffsets(format));
    second.put(records(4, 8));
    second.preCommit(Map.of());
    assertEquals(range(0, 8), committedOffsets(format));
  }

  @ParameterizedTest
  @EnumSource(FileFormat.class)
  void aCrashAfterTheCommitPointIsRolledForward(FileFormat format) throws Exception {
    String ext = "." + format.extension();
    FileSinkTask first = start(new RecordingSinkTaskContext(false), format);
    first.put(records(0, 8));
    first.preCommit(Map.of());
    // Rewind to "first file renamed to its final name, the other three still pending".
    List<Path> finals = files(ext);
    for (Path file : finals.subList(1, finals.size())) {
      Files.move(file, file.resolveSibling(".grounding.evaluations+2+0-7" + ext + ".pending"));
    }
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(false);
    FileSinkTask second = start(context, format);
    assertTrue(files(".pending").isEmpty());
    assertEquals(8L, context.seeks.get(TP));
    second.put(records(0, 10)); // a stale redelivery: 0-7 are skipped
    second.preCommit(Map.of());
    assertEquals(range(0, 10), committedOffsets(format));
  }

  @Test
  void offsetsCommittedInJsonLinesStillCountAfterSwitchingToParquet() throws Exception {
    FileSinkTask first = start(new RecordingSinkTaskContext(false), FileFormat.JSONL);
    first.put(records(0, 4));
    first.preCommit(Map.of());
    first.stop();
    RecordingSinkTaskContext context = new RecordingSinkTaskContext(false);
    FileSinkTask second = start(context, FileFormat.PARQUET);
    assertEquals(4L, context.seeks.get(TP));
    second.put(records(0, 6));
    second.preCommit(Map.of());
    assertEquals(range(0, 4), committedOffsets(FileFormat.JSONL));
    assertEquals(range(4, 6), committedOffsets(FileFormat.PARQUET));
  }

  @Test
  void otherPartitionsFilesAreLeftAlone() throws Exception {
    Path foreignTemp = Files.createDirectories(dir.resolve("model=x/date=2026-11-20"))
        .resolve(FileNames.tempName(new TopicPartition(Topics.EVALUATIONS, 3)));
    Files.writeString(foreignTemp, "{}\n");
    start(new RecordingSinkTaskContext(false)).stop();
    assertTrue(Files.exists(foreignTemp), "partition 3 may belong to another task");
  }

  @Test
  void recordsConnectSkippedBeforePutDoNotHoldBackTheCommittedOffset() throws Exception {
    FileSinkTask task = start(new RecordingSinkTaskContext(false));
    task.put(records(0, 4));
    // Offset 4 failed conversion (errors.tolerance=all): consumed by Connect, never seen by put().
    Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(TP, new OffsetAndMetadata(5)));
    assertEquals(5, committed.get(TP).offset());
    task.put(records(5, 6));
    assertEquals(6, task.preCommit(Map.of(TP, new OffsetAndMetadata(6))).get(TP).offset());
    task.stop();
    assertEquals(List.of(0L, 1L, 2L, 3L, 5L), committedOffsets());
  }
}
