package dev.groundstream.sinks.file;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The file sink's settings. */
public final class FileSinkConfig extends AbstractConfig {
  public static final String OUTPUT_DIR = "output.dir";
  public static final String FORMAT = "format";
  public static final String FLUSH_SIZE = "flush.size";
  public static final String MODEL_FIELD = "partition.model.field";
  public static final String TIME_FIELD = "partition.time.field";
  public static final String FORMAT_JSONL = "jsonl";
  public static final String FORMAT_PARQUET = "parquet";

  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(OUTPUT_DIR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Directory the files are written under: <output.dir>/model=<name:version>/date=YYYY-MM-DD/"
              + "<topic>+<partition>+<startOffset>-<endOffset>.<jsonl|parquet>. Must be shared storage when tasks run on several workers.")
      .define(FORMAT, Type.STRING, FORMAT_JSONL, ConfigDef.ValidString.in(FORMAT_JSONL, FORMAT_PARQUET), Importance.MEDIUM,
          "File format: jsonl (JSON Lines, one record per line) or parquet (one Parquet file per commit and "
              + "folder, Snappy-compressed; needs records with a value schema, e.g. from the Avro converter).")
      .define(FLUSH_SIZE, Type.INT, 10_000, Range.atLeast(1), Importance.MEDIUM,
          "Records of one topic partition after which its files are committed without waiting for the "
              + "worker's offset flush (offset.flush.interval.ms).")
      .define(MODEL_FIELD, Type.STRING, "model", Importance.LOW,
          "Value field naming the model: a struct with name and version (ModelRef) or a name:version string. "
              + "Records without it go under model=unknown.")
      .define(TIME_FIELD, Type.STRING, "", Importance.LOW,
          "Timestamp field of the value whose UTC date names the date= folder (e.g. eventTime); empty uses "
              + "the Kafka record timestamp.");

  public FileSinkConfig(Map<String, String> props) {
    super(DEFINITION, props);
  }

  public Path outputDir() {
    return Path.of(getString(OUTPUT_DIR));
  }

  public FileFormat format() {
    return FileFormat.ofExtension(getString(FORMAT));
  }

  public int flushSize() {
    return getInt(FLUSH_SIZE);
  }

  public String modelField() {
    return getString(MODEL_FIELD);
  }

  public String timeField() {
    return getString(TIME_FIELD);
  }
}
