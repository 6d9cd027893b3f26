package dev.groundstream.ingest.importers;

import dev.groundstream.ingest.TestImages;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The hand-written dataset files under src/test/resources/importers and images to go with them. */
final class ImporterFixtures {
  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private ImporterFixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(ImporterFixtures.class.getResource("/importers/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** beach.png (200x100) and street.jpg (64x48), the sizes the annotations declare. */
  static Path writeImages(Path dir) throws IOException {
    Files.write(dir.resolve("beach.png"), TestImages.png(200, 100));
    Files.write(dir.resolve("street.jpg"), TestImages.jpeg(64, 48));
    return dir;
  }

  static ImageFiles imageFiles(Path blobDir) {
    return new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(blobDir)));
  }
}
