package dev.groundstream.ingest.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One split of a Flickr30k-Entities dataset under datasets/, imported with FlickrEntitiesImporter,
 * checked for well-formedness (phrase spans match the caption, 0-based boxes inside the image) and
 * counted the way the dataset's tools/validate.py counts it, so the tests can compare with its README.
 */
final class DatasetSplitCounts {
  final Set<String> images = new HashSet<>();
  int sentences;
  int phrases;
  /** Requests whose image travels by claim check (a blob) instead of inline. */
  int viaBlob;
  /** Distinct boxes, as "imageId:x1,y1,x2,y2". */
  final Set<String> boxObjects = new HashSet<>();
  /** Per image, the distinct boxes of its people phrases. */
  final Map<String, Set<String>> peopleBoxes = new HashMap<>();
  private final Map<PhraseType, Integer> phrasesByType = new EnumMap<>(PhraseType.class);
  private final Map<PhraseType, Integer> evaluableByType = new EnumMap<>(PhraseType.class);
  private final Map<String, List<Box>> boxesByChain = new HashMap<>();
  private final Map<String, List<PhraseType>> typesByChain = new HashMap<>();

  private DatasetSplitCounts() {}

  /** Imports datasets/NAME/SPLIT.txt; images over the inline limit are written as blobs under blobs. */
  static DatasetSplitCounts read(String name, String split, Path blobs) throws Exception {
    Path root = Path.of("..", "datasets", name);
    FlickrEntitiesImporter importer = new FlickrEntitiesImporter(root, split, root.resolve("images"),
        name + "/" + split, ImporterFixtures.imageFiles(blobs), Clock.systemUTC());
    DatasetSplitCounts c = new DatasetSplitCounts();
    c.sentences = importer.size();
    for (int i = 0; i < importer.size(); i++) {
      c.add(importer.sample(i));
    }
    return c;
  }

  private void add(ImportedSample sample) {
    GroundingRequest request = sample.request();
    String imageId = request.getAttributes().get("imageId");
    images.add(imageId);
    viaBlob += request.getImage().getUri() != null ? 1 : 0;
    List<PhraseTruth> truths = sample.truth().orElseThrow().getPhrases();
    for (int p = 0; p < request.getPhrases().size(); p++) {
      Phrase phrase = request.getPhrases().get(p);
      List<Box> boxes = truths.get(p).getBoxes();
      assertEquals(phrase.getText(), request.getCaption().substring(phrase.getCharStart(), phrase.getCharEnd()));
      phrases++;
      // entity id 0 marks the notvisual phrases: no chain of their own
      if (!"0".equals(phrase.getEntityId())) {
        String chain = imageId + "#" + phrase.getEntityId();
        boxesByChain.put(chain, boxes);
        typesByChain.put(chain, phrase.getTypes());
      }
      for (PhraseType type : phrase.getTypes()) {
        phrasesByType.merge(type, 1, Integer::sum);
        if (!boxes.isEmpty()) {
          evaluableByType.merge(type, 1, Integer::sum);
        }
      }
      for (Box b : boxes) {
        assertTrue(b.getX1() >= 0 && b.getY1() >= 0 && b.getX2() <= request.getImage().getWidth() - 1
            && b.getY2() <= request.getImage().getHeight() - 1 && b.getX2() > b.getX1() && b.getY2() > b.getY1(),
            "0-based box inside " + imageId + ": " + b);
        String key = b.getX1() + "," + b.getY1() + "," + b.getX2() + "," + b.getY2();
        boxObjects.add(imageId + ":" + key);
        if (phrase.getTypes().contains(PhraseType.people)) {
          peopleBoxes.computeIfAbsent(imageId, k -> new HashSet<>()).add(key);
        }
      }
    }
  }

  int phrases(PhraseType t) {
    return phrasesByType.getOrDefault(t, 0);
  }

  int evaluable(PhraseType t) {
    return evaluableByType.getOrDefault(t, 0);
  }

  int chains(PhraseType t) {
    return (int) typesByChain.values().stream().filter(types -> types.contains(t)).count();
  }

  int boxes(PhraseType t) {
    return typesByChain.entrySet().stream().filter(e -> e.getValue().contains(t))
        .mapToInt(e -> boxesByChain.get(e.getKey()).size()).sum();
  }

  /** Asserts README table rows {type, phrases, chains, boxes, evaluable}, summed over the splits. */
  static void assertTable(Object[][] readme, List<DatasetSplitCounts> splits) {
    for (Object[] row : readme) {
      PhraseType type = (PhraseType) row[0];
      assertEquals(row[1], splits.stream().mapToInt(s -> s.phrases(type)).sum(), type + " phrases");
      assertEquals(row[2], splits.stream().mapToInt(s -> s.chains(type)).sum(), type + " chains");
      assertEquals(row[3], splits.stream().mapToInt(s -> s.boxes(type)).sum(), type + " boxes");
      assertEquals(row[4], splits.stream().mapToInt(s -> s.evaluable(type)).sum(), type + " evaluable");
    }
  }
}
