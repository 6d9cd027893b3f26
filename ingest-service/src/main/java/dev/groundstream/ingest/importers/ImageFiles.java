package dev.groundstream.ingest.importers;

import dev.groundstream.avro.ImageRef;
import dev.groundstream.ingest.images.ImageDimensions;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.images.MediaType;
import dev.groundstream.ingest.images.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a dataset's image file into an ImageRef (inline or claim check). Sizes come from the
 * dataset's own metadata when it has them (cheap); otherwise from the image header.
 */
public final class ImageFiles {
  private final ImageRefFactory refs;

  public ImageFiles(ImageRefFactory refs) {
    this.refs = refs;
  }

  /** {@code width}/{@code height} <= 0 mean "unknown: read the header". */
  public ImageRef load(Path file, int width, int height) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException("Image file not found: " + file + " (set the images folder of the import)", e);
    }
    MediaType type = MediaType.sniff(bytes).filter(MediaType::groundable)
        .orElseThrow(() -> new IOException("Not a JPEG/PNG/WebP image: " + file));
    if (width <= 0 || height <= 0) {
      int[] size = ImageDimensions.read(bytes);
      width = size[0];
      height = size[1];
    }
    return refs.create(bytes, type, width, height, Sha256.hex(bytes));
  }
}
