package dev.groundstream.sinks.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads committed files back, in either format, the way a user's tool would. */
final class WrittenFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WrittenFiles() {}

  /** Every row of a Parquet file, through Parquet's Avro reader on a local file. */
  static List<GenericRecord> parquetRows(Path file) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), new PlainParquetConfiguration())
            .withDataModel(GenericData.get()) // generic rows, not the generated classes of the same name
            .build()) {
      for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** The _offset column of every record of {@code file}. */
  static List<Long> offsets(Path file) throws IOException {
    List<Long> offsets = new ArrayList<>();
    if (file.getFileName().toString().endsWith(".parquet")) {
      for (GenericRecord row : parquetRows(file)) {
        offsets.add((Long) row.get("_offset"));
      }
    } else {
      for (String line : Files.readAllLines(file)) {
        offsets.add(JSON.readTree(line).get("_offset").asLong());
      }
    }
    return offsets;
  }
}
