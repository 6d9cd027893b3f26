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
import java.nio.file.Files;
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

/** Imports the real benchmark in datasets/groundstream-photos and checks the counts its README states. */
class GroundstreamPhotosImportTest {
  static final Path ROOT = Path.of("..", "datasets", "groundstream-photos");

  @TempDir Path blobs;

  @Test
  void countsMatchTheReadme() throws Exception {
    FlickrEntitiesImporter importer = new FlickrEntitiesImporter(ROOT, "test", ROOT.resolve("images"),
        "groundstream-photos/test",
        new ImageFiles(new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(blobs))),
        Clock.systemUTC());
    assertEquals(66, importer.size(), "sentences");

    Set<String> images = new HashSet<>();
    int phrases = 0;
    Map<PhraseType, Integer> phrasesByType = new EnumMap<>(PhraseType.class);
    Map<PhraseType, Integer> evaluableByType = new EnumMap<>(PhraseType.class);
    Map<PhraseType, Set<String>> chainsByType = new EnumMap<>(PhraseType.class);
    Map<String, List<Box>> boxesByChain = new HashMap<>();
    Map<String, List<PhraseType>> typesByChain = new HashMap<>();
    Set<String> boxObjects = new HashSet<>();
    int viaBlob = 0;
    for (int i = 0; i < importer.size(); i++) {
      ImportedSample sample = importer.sample(i);
      GroundingRequest request = sample.request();
      String imageId = request.getAttributes().get("imageId");
      images.add(imageId);
      viaBlob += request.getImage().getUri() != null ? 1 : 0;
      List<PhraseTruth> truths = sample.truth().orElseThrow().getPhrases();
      for (int p = 0; p < request.getPhrases().size(); p++) {
        Phrase phrase = request.getPhrases().get(p);
        PhraseTruth truth = truths.get(p);
        assertEquals(phrase.getText(), request.getCaption().substring(phrase.getCharStart(), phrase.getCharEnd()));
        phrases++;
        String chain = imageId + "#" + phrase.getEntityId();
        for (PhraseType type : phrase.getTypes()) {
          phrasesByType.merge(type, 1, Integer::sum);
          if (!truth.getBoxes().isEmpty()) {
            evaluableByType.merge(type, 1, Integer::sum);
          }
          if (!"0".equals(phrase.getEntityId())) {
            chainsByType.computeIfAbsent(type, t -> new HashSet<>()).add(chain);
          }
        }
        if (!"0".equals(phrase.getEntityId())) {
          boxesByChain.put(chain, truth.getBoxes());
          typesByChain.put(chain, phrase.getTypes());
        }
        for (Box b : truth.getBoxes()) {
          assertTrue(b.getX1() >= 0 && b.getY1() >= 0 && b.getX2() <= request.getImage().getWidth() - 1
              && b.getY2() <= request.getImage().getHeight() - 1 && b.getX2() > b.getX1() && b.getY2() > b.getY1(),
              "0-based box inside " + imageId + ": " + b);
          boxObjects.add(imageId + ":" + b.getX1() + "," + b.getY1() + "," + b.getX2() + "," + b.getY2());
        }
      }
    }
    assertEquals(29, images.size());
    assertEquals(205, phrases);
    assertEquals(187, boxObjects.size(), "box objects");

    Map<PhraseType, Integer> boxesByType = new EnumMap<>(PhraseType.class);
    boxesByChain.forEach((chain, boxes) -> typesByChain.get(chain)
        .forEach(t -> boxesByType.merge(t, boxes.size(), Integer::sum)));

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
    for (Object[] row : readme) {
      PhraseType type = (PhraseType) row[0];
      assertEquals(row[1], phrasesByType.getOrDefault(type, 0), type + " phrases");
      assertEquals(row[2], chainsByType.getOrDefault(type, Set.of()).size(), type + " chains");
      assertEquals(row[3], boxesByType.getOrDefault(type, 0), type + " boxes");
      assertEquals(row[4], evaluableByType.getOrDefault(type, 0), type + " evaluable");
    }
    // Images over 1 MiB travel by claim check: their blobs exist.
    try (var files = Files.walk(blobs)) {
      assertEquals(viaBlob > 0, files.anyMatch(Files::isRegularFile));
    }
  }
}
