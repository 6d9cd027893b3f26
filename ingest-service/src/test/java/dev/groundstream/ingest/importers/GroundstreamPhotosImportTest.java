package dev.groundstream.ingest.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.avro.PhraseType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the real benchmark in datasets/groundstream-photos and checks the counts its README states. */
class GroundstreamPhotosImportTest {
  @TempDir Path blobs;

  @Test
  void countsMatchTheReadme() throws Exception {
    DatasetSplitCounts test = DatasetSplitCounts.read("groundstream-photos", "test", blobs);
    assertEquals(66, test.sentences, "sentences");
    assertEquals(29, test.images.size());
    assertEquals(205, test.phrases);
    assertEquals(187, test.boxObjects.size(), "box objects");

    // README table: type, phrases, chains, boxes, evaluable.
    Object[][] readme = {
        {PhraseType.people, 18, 10, 12, 18},
        {PhraseType.clothing, 14, 14, 17, 14},
        {PhraseType.bodyparts, 20, 20, 27, 20},
        {PhraseType.animals, 29, 16, 37, 29},
        {PhraseType.vehicles, 14, 8, 8, 14},
        {PhraseType.instruments, 3, 2, 2, 3},
        {PhraseType.scene, 15, 14, 0, 0},
        {PhraseType.other, 88, 77, 95, 87},
        {PhraseType.notvisual, 4, 0, 0, 0},
    };
    DatasetSplitCounts.assertTable(readme, List.of(test));
    // Images over 1 MiB travel by claim check: their blobs exist.
    try (var files = Files.walk(blobs)) {
      assertEquals(test.viaBlob > 0, files.anyMatch(Files::isRegularFile));
    }
  }
}
