package dev.groundstream.sinks.file;

import java.io.IOException;
import java.nio.file.Path;

/** The file formats of the file sink: the extension of their committed files and their temp file writer. */
public enum FileFormat {
  JSONL("jsonl") {
    @Override
    TempFile createTemp(Path path) throws IOException {
      return new JsonLinesTempFile(path);
    }
  },
  PARQUET("parquet") {
    @Override
    TempFile createTemp(Path path) throws IOException {
      return new ParquetTempFile(path);
    }
  };

  private final String extension;

  FileFormat(String extension) {
    this.extension = extension;
  }

  /** Without the dot; also the value of the {@code format} setting. */
  public String extension() {
    return extension;
  }

  abstract TempFile createTemp(Path path) throws IOException;

  static FileFormat ofExtension(String extension) {
    for (FileFormat format : values()) {
      if (format.extension.equals(extension)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Unknown file format " + extension);
  }
}
