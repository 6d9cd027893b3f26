package dev.groundstream.ingest.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports both splits of the held-out benchmark in datasets/group-photos and checks the counts its
 * README states, that the splits do not share an image and that every image has two or more people.
 */
class GroupPhotosImportTest {
  static final Path ROOT = Path.of("..", "datasets", "group-photos");

  @TempDir Path blobs;

  @Test
  void countsMatchTheReadme() throws Exception {
    Counts dev = read("dev");
    Counts test = read("test");
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
    for (Object[] row : readme) {
      PhraseType type = (PhraseType) row[0];
      assertEquals(row[1], dev.phrasesByType(type) + test.phrasesByType(type), type + " phrases");
      assertEquals(row[2], dev.chains(type) + test.chains(type), type + " chains");
      assertEquals(row[3], dev.boxes(type) + test.boxes(type), type + " boxes");
      assertEquals(row[4], dev.evaluable(type) + test.evaluable(type), type + " evaluable");
    }
    for (Counts split : List.of(dev, test)) {
      split.peopleBoxes.forEach((image, boxes) ->
          assertTrue(boxes.size() >= 2, image + " has fewer than two people boxes: " + boxes));
      assertEquals(split.images, split.peopleBoxes.keySet(), "images with people");
    }
  }

  private Counts read(String split) throws Exception {
    FlickrEntitiesImporter importer = new FlickrEntitiesImporter(ROOT, split, ROOT.resolve("images"),
        "group-photos/" + split,
        new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(blobs))),
        Clock.systemUTC());
    Counts c = new Counts();
    c.sentences = importer.size();
    for (int i = 0; i < importer.size(); i++) {
      ImportedSample sample = importer.sample(i);
      GroundingRequest request = sample.request();
      String imageId = request.getAttributes().get("imageId");
      c.images.add(imageId);
      List<PhraseTruth> truths = sample.truth().orElseThrow().getPhrases();
      for (int p = 0; p < request.getPhrases().size(); p++) {
        Phrase phrase = request.getPhrases().get(p);
        List<Box> boxes = truths.get(p).getBoxes();
        assertEquals(phrase.getText(), request.getCaption().substring(phrase.getCharStart(), phrase.getCharEnd()));
        c.phrases++;
        String chain = imageId + "#" + phrase.getEntityId();
        c.boxesByChain.put(chain, boxes);
        c.typesByChain.put(chain, phrase.getTypes());
        for (PhraseType type : phrase.getTypes()) {
          c.phrasesByType.merge(type, 1, Integer::sum);
          if (!boxes.isEmpty()) {
            c.evaluableByType.merge(type, 1, Integer::sum);
          }
        }
        for (Box b : boxes) {
          assertTrue(b.getX1() >= 0 && b.getY1() >= 0 && b.getX2() <= request.getImage().getWidth() - 1
              && b.getY2() <= request.getImage().getHeight() - 1 && b.getX2() > b.getX1() && b.getY2() > b.getY1(),
              "0-based box inside " + imageId + ": " + b);
          String key = b.getX1() + "," + b.getY1() + "," + b.getX2() + "," + b.getY2();
          c.boxObjects.add(imageId + ":" + key);
          if (phrase.getTypes().contains(PhraseType.people)) {
            c.peopleBoxes.computeIfAbsent(imageId, k -> new HashSet<>()).add(key);
          }
        }
      }
    }
    return c;
  }

  /** What one split holds, counted the way tools/validate.py counts it. */
  private static final class Counts {
    final Set<String> images = new HashSet<>();
    int sentences;
    int phrases;
    final Set<String> boxObjects = new HashSet<>();
    final Map<String, Set<String>> peopleBoxes = new HashMap<>();
    final Map<PhraseType, Integer> phrasesByType = new EnumMap<>(PhraseType.class);
    final Map<PhraseType, Integer> evaluableByType = new EnumMap<>(PhraseType.class);
    final Map<String, List<Box>> boxesByChain = new HashMap<>();
    final Map<String, List<PhraseType>> typesByChain = new HashMap<>();

    int phrasesByType(PhraseType t) {
      return phrasesByType.getOrDefault(t, 0);
    }

    int evaluable(PhraseType t) {
      return evaluableByType.getOrDefault(t, 0);
    }

    int chains(PhraseType t) {
      return (int) typesByChain.entrySet().stream()
          .filter(e -> !e.getKey().endsWith("#0") && e.getValue().contains(t)).count();
    }

    int boxes(PhraseType t) {
      return typesByChain.entrySet().stream().filter(e -> e.getValue().contains(t))
          .mapToInt(e -> boxesByChain.get(e.getKey()).size()).sum();
    }
  }
}
