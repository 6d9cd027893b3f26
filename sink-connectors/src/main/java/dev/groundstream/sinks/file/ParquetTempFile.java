package dev.groundstream.sinks.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * A temp file in Parquet, written through Parquet's Avro writer on a local file (no Hadoop
 * FileSystem, no Hadoop Configuration). Parquet keeps a row group in memory and writes the footer
 * on close, so the file is only readable after {@link #syncAndClose()} — which is when it is
 * renamed. One file holds one value schema: Parquet files have a single schema.
 */
final class ParquetTempFile implements TempFile {
  private static final ParquetRecordEncoder ENCODER = new ParquetRecordEncoder();
  private final Path path;
  private Schema valueSchema;
  private org.apache.avro.Schema fileSchema;
  private ParquetWriter<GenericRecord> writer;

  ParquetTempFile(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    this.path = path;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public boolean accepts(SinkRecord record) {
    return writer == null || record.valueSchema() == valueSchema
        || (record.valueSchema() != null && record.valueSchema().equals(valueSchema));
  }

  @Override
  public void write(SinkRecord record) throws IOException {
    if (writer == null) {
      fileSchema = ENCODER.fileSchema(record);
      valueSchema = record.valueSchema();
      // The writer is created with the first record because the file's schema is that record's.
      writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(path))
          .withConf(new PlainParquetConfiguration())
          .withSchema(fileSchema)
          .withDataModel(GenericData.get())
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withWriteMode(ParquetFileWriter.Mode.CREATE)
          .build();
    }
    writer.write(ENCODER.encode(record, fileSchema));
  }

  @Override
  public void syncAndClose() throws IOException {
    if (writer == null) {
      throw new IllegalStateException("No record was written to " + path);
    }
    writer.close(); // writes the last row group and the footer
    // LocalOutputFile does not fsync: sync the closed file before it may be renamed.
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  @Override
  public void discard() {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // The file is deleted below or by the next recovery.
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A leftover temp file is deleted by the next recovery.
    }
  }
}
