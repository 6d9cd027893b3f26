package dev.groundstream.ingest.importers;

import static dev.groundstream.ingest.importers.ImporterFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.RequestIds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MdetrCocoImporterTest {
  @TempDir Path images;
  @TempDir Path blobs;

  private MdetrCocoImporter importer() throws Exception {
    ImporterFixtures.writeImages(images);
    return new MdetrCocoImporter(ImporterFixtures.resource("mdetr/final_flickr_separateGT_test.json"), images,
        "mdetr-flickr/test", ImporterFixtures.imageFiles(blobs), CLOCK, text -> List.of(PhraseType.other));
  }

  private static Box box(float x1, float y1, float x2, float y2) {
    return Box.newBuilder().setX1(x1).setY1(y1).setX2(x2).setY2(y2).build();
  }

  @Test
  void oneRequestPerImageEntry() throws Exception {
    assertEquals(3, importer().size());
  }

  @Test
  void phrasesFromTokensPositiveEvalAndBoxesConvertedFromXywh() throws Exception {
    ImportedSample sample = importer().sample(0);
    assertEquals("A man throws a frisbee to two dogs", sample.request().getCaption());
    assertEquals(RequestIds.forDatasetSample("mdetr-flickr/test", "111", "0"), sample.request().getRequestId());
    List<Phrase> phrases = sample.request().getPhrases();
    assertEquals(List.of("A man", "a frisbee", "two dogs"), phrases.stream().map(Phrase::getText).toList());
    assertEquals(26, phrases.get(2).getCharStart());
    assertEquals(34, phrases.get(2).getCharEnd());
    List<PhraseTruth> truth = sample.truth().orElseThrow().getPhrases();
    assertEquals(List.of(box(10, 20, 59, 90)), truth.get(0).getBoxes());
    assertEquals(List.of(box(100, 10, 120, 30)), truth.get(1).getBoxes());
    // Two annotations ground "two dogs"; the second through two token spans ("two", "dogs").
    assertEquals(List.of(box(120, 50, 160, 90), box(160, 40, 199.5f, 99.5f)), truth.get(2).getBoxes());
    assertEquals(List.of(PhraseType.other), truth.get(2).getTypes());
    assertEquals(200, sample.truth().orElseThrow().getImageWidth());
  }

  @Test
  void refcocoStyleEntryAndFallbackToAnnotationSpans() throws Exception {
    MdetrCocoImporter importer = importer();
    ImportedSample refcoco = importer.sample(1);
    assertEquals(RequestIds.forDatasetSample("mdetr-flickr/test", "5", "1"), refcoco.request().getRequestId());
    assertEquals(1, refcoco.request().getPhrases().size());
    assertEquals(List.of(box(120, 50, 160, 90)), refcoco.truth().orElseThrow().getPhrases().get(0).getBoxes());

    ImportedSample fallback = importer.sample(2);
    assertEquals(List.of("a frisbee", "a man"),
        fallback.request().getPhrases().stream().map(Phrase::getText).toList());
    assertEquals(List.of(box(10, 20, 59, 90)), fallback.truth().orElseThrow().getPhrases().get(1).getBoxes());
    assertTrue(fallback.request().getPhrases().stream().allMatch(p -> p.getEntityId() == null));
  }
}
