package dev.groundstream.sinks.file;

import dev.groundstream.sinks.UniformSinkConnector;

/** Writes records as JSON Lines or Parquet files partitioned by model version and date, exactly once. */
public class FileSinkConnector extends UniformSinkConnector {
  public FileSinkConnector() {
    super(FileSinkTask.class, FileSinkConfig.DEFINITION, FileSinkConfig::new);
  }
}
