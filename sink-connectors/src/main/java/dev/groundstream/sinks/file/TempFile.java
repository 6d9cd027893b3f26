package dev.groundstream.sinks.file;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A hidden file receiving one folder's records of one topic partition until its commit, in the
 * format's encoding. The commit protocol (rename to pending, then to the final name) is the
 * writer's; a temp file only has to be complete and durable after {@link #syncAndClose()}.
 */
interface TempFile {
  Path path();

  /**
   * False when {@code record} cannot join this file: a Parquet file has one schema, so a record
   * of a new schema version needs a new file (the caller commits first).
   */
  boolean accepts(SinkRecord record);

  void write(SinkRecord record) throws IOException;

  /** Makes the content durable before the file is renamed: a rename must never expose a torn file. */
  void syncAndClose() throws IOException;

  /** Closes and deletes the file; a leftover is deleted by the next recovery. */
  void discard();
}
