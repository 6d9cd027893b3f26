package dev.groundstream.ingest.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.PhraseType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports both splits of the held-out benchmark in datasets/group-photos and checks the counts its
 * README states, that the splits do not share an image and that every image has two or more people.
 */
class GroupPhotosImportTest {
  @TempDir Path blobs;

  @Test
  void countsMatchTheReadme() throws Exception {
    DatasetSplitCounts dev = DatasetSplitCounts.read("group-photos", "dev", blobs);
    DatasetSplitCounts test = DatasetSplitCounts.read("group-photos", "test", blobs);
    assertEquals(15, dev.images.size());
    assertEquals(15, test.images.size());
    Set<String> both = new HashSet<>(dev.images);
    both.retainAll(test.images);
    assertEquals(Set.of(), both, "images in both splits");
    assertEquals(41, dev.sentences, "dev sentences");
    assertEquals(42, test.sentences, "test sentences");
    assertEquals(196, dev.phrases, "dev phrases");
    assertEquals(201, test.phrases, "test phrases");
    assertEquals(377, dev.boxObjects.size() + test.boxObjects.size(), "box objects");

    // README table (both splits): type, phrases, chains, boxes, evaluable.
    Object[][] readme = {
        {PhraseType.people, 155, 126, 153, 155},
        {PhraseType.clothing, 129, 129, 130, 129},
        {PhraseType.bodyparts, 52, 52, 52, 52},
        {PhraseType.animals, 0, 0, 0, 0},
        {PhraseType.scene, 8, 8, 0, 0},
        {PhraseType.other, 53, 53, 54, 53},
        {PhraseType.notvisual, 0, 0, 0, 0},
    };
    DatasetSplitCounts.assertTable(readme, List.of(dev, test));
    for (DatasetSplitCounts split : List.of(dev, test)) {
      split.peopleBoxes.forEach((image, boxes) ->
          assertTrue(boxes.size() >= 2, image + " has fewer than two people boxes: " + boxes));
      assertEquals(split.images, split.peopleBoxes.keySet(), "images with people");
    }
  }
}
