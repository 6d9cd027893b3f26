package dev.groundstream.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.schemas.AvroClassTrust;
import dev.groundstream.schemas.Topics;
import dev.groundstream.sinks.testing.ConnectRecords;
import dev.groundstream.sinks.testing.RecordingSinkTaskContext;
import dev.groundstream.testing.SampleRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** format=parquet: what is read back from the committed files equals what was sent. */
class ParquetFileSinkTest {
  private static final TopicPartition TP = new TopicPartition(Topics.RESULTS, 0);

  static {
    AvroClassTrust.install(); // expected() serializes the originals with their generated classes
  }

  @TempDir Path dir;

  private FileSinkTask start() {
    FileSinkTask task = new FileSinkTask();
    task.initialize(new RecordingSinkTaskContext(false));
    task.start(Map.of("output.dir", dir.toString(), "format", "parquet"));
    task.open(List.of(TP));
    return task;
  }

  private List<Path> parquetFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted().toList();
    }
  }

  /** All rows of all committed files, by offset. */
  private List<GenericRecord> rows() throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    for (Path file : parquetFiles()) {
      rows.addAll(WrittenFiles.parquetRows(file));
    }
    rows.sort(Comparator.comparingLong(r -> (Long) r.get("_offset")));
    return rows;
  }

  /**
   * The original as plain Avro data, independent of the sink's conversion: serialized by its
   * generated class, read back generically (timestamps as epoch millis, as Parquet stores them).
   */
  private static String expected(SpecificRecord original) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<SpecificRecord>(original.getSchema()).write(original, encoder);
    encoder.flush();
    GenericRecord generic = new GenericDatumReader<GenericRecord>(original.getSchema())
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    return GenericData.get().toString(generic);
  }

  /** The row's value columns (without _topic, _partition, _offset) in the original's field order. */
  private static String actual(GenericRecord row, Schema originalSchema) {
    GenericData.Record value = new GenericData.Record(originalSchema);
    for (Schema.Field field : originalSchema.getFields()) {
      value.put(field.pos(), row.get(field.name()));
    }
    return GenericData.get().toString(value);
  }

  @Test
  void rowsReadBackEqualTheRecordsSent() throws Exception {
    List<SpecificRecord> sent = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // Several phrases and boxes, a heatmap and a point on the first phrase only (nulls elsewhere).
      sent.add(SampleRecords.result(i, 3, 4));
    }
    FileSinkTask task = start();
    List<SinkRecord> records = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      records.add(ConnectRecords.sinkRecord(TP.topic(), TP.partition(), i, sent.get(i)));
    }
    task.put(records);
    assertTrue(parquetFiles().isEmpty(), "nothing is visible before the commit");
    assertEquals(6, task.preCommit(Map.of()).get(TP).offset());
    task.stop();

    assertEquals(List.of("grounding.results+0+0-5.parquet"),
        parquetFiles().stream().map(p -> p.getFileName().toString()).toList());
    List<GenericRecord> rows = rows();
    assertEquals(sent.size(), rows.size());
    for (int i = 0; i < sent.size(); i++) {
      GenericRecord row = rows.get(i);
      assertEquals(expected(sent.get(i)), actual(row, sent.get(i).getSchema()), "offset " + i);
      assertEquals(TP.topic(), row.get("_topic").toString());
      assertEquals(TP.partition(), row.get("_partition"));
      assertEquals((long) i, row.get("_offset"));
    }
  }

  @Test
  void aNewSchemaVersionStartsNewFilesAndBothReadBack() throws Exception {
    SpecificRecord evaluation = SampleRecords.evaluation(0);
    SpecificRecord result = SampleRecords.result(1, 1, 1);
    FileSinkTask task = start();
    task.put(List.of(
        ConnectRecords.sinkRecord(TP.topic(), TP.partition(), 0, evaluation),
        ConnectRecords.sinkRecord(TP.topic(), TP.partition(), 1, evaluation),
        ConnectRecords.sinkRecord(TP.topic(), TP.partition(), 2, result)));
    task.preCommit(Map.of());
    task.stop();

    List<String> names = parquetFiles().stream().map(p -> p.getFileName().toString()).sorted().toList();
    assertEquals(List.of("grounding.results+0+0-1.parquet", "grounding.results+0+2-2.parquet"), names);
    List<GenericRecord> rows = rows();
    assertEquals(expected(evaluation), actual(rows.get(0), evaluation.getSchema()));
    assertEquals(expected(evaluation), actual(rows.get(1), evaluation.getSchema()));
    assertEquals(expected(result), actual(rows.get(2), result.getSchema()));
  }

  @Test
  void tombstonesAreSkippedAndTheirOffsetsSettled() throws Exception {
    FileSinkTask task = start();
    task.put(List.of(ConnectRecords.sinkRecord(TP.topic(), TP.partition(), 0, SampleRecords.result(0, 1, 1)),
        new SinkRecord(TP.topic(), TP.partition(), null, null, null, null, 1)));
    Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(TP, new OffsetAndMetadata(2)));
    task.stop();
    assertEquals(2, committed.get(TP).offset());
    assertEquals(List.of(0L), rows().stream().map(r -> (Long) r.get("_offset")).toList());
  }
}
