package dev.groundstream.ingest.importers;

import static dev.groundstream.ingest.importers.ImporterFixtures.CLOCK;
import static dev.groundstream.ingest.importers.ImporterFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.RequestIds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlickrEntitiesImporterTest {
  @TempDir Path images;
  @TempDir Path blobs;

  private FlickrEntitiesImporter importer(String split) throws Exception {
    ImporterFixtures.writeImages(images);
    return new FlickrEntitiesImporter(ImporterFixtures.resource("flickr"), split, images,
        "flickr30k-entities/" + split, ImporterFixtures.imageFiles(blobs), CLOCK);
  }

  private static Box box(float x1, float y1, float x2, float y2) {
    return Box.newBuilder().setX1(x1).setY1(y1).setX2(x2).setY2(y2).build();
  }

  @Test
  void oneRequestPerImageAndSentenceOfTheSplit() throws Exception {
    assertEquals(4, importer("test").size()); // beach: 3 sentences, street: 1
    assertEquals(1, importer("train").size());
  }

  @Test
  void firstSentenceHasExactSpansTypesChainsAndZeroBasedBoxes() throws Exception {
    ImportedSample sample = importer("test").sample(0);
    GroundingRequest request = sample.request();
    assertEquals("A man in a red shirt throws a frisbee to two dogs on the beach .", request.getCaption());
    assertEquals(RequestIds.forDatasetSample("flickr30k-entities/test", "beach", "0"), request.getRequestId());
    assertEquals(NOW, request.getCreatedAt());
    assertEquals("import:flickr30k-entities/test", request.getSource());
    assertEquals("flickr30k-entities/test", request.getDataset());
    assertEquals(200, request.getImage().getWidth());
    assertEquals(100, request.getImage().getHeight());
    assertEquals("image/png", request.getImage().getContentType());
    assertNotNull(request.getImage().getInline());

    List<Phrase> phrases = request.getPhrases();
    assertEquals(List.of("A man", "a red shirt", "a frisbee", "two dogs", "the beach"),
        phrases.stream().map(Phrase::getText).toList());
    for (Phrase p : phrases) {
      assertEquals(p.getText(), request.getCaption().substring(p.getCharStart(), p.getCharEnd()));
    }
    assertEquals(0, phrases.get(0).getCharStart());
    assertEquals(5, phrases.get(0).getCharEnd());
    assertEquals(9, phrases.get(1).getCharStart());
    assertEquals(20, phrases.get(1).getCharEnd());
    assertEquals(List.of("p0", "p1", "p2", "p3", "p4"), phrases.stream().map(Phrase::getPhraseId).toList());
    assertEquals(List.of("10", "11", "12", "13", "14"), phrases.stream().map(Phrase::getEntityId).toList());
    assertEquals(List.of(PhraseType.clothing), phrases.get(1).getTypes());

    GroundTruth truth = sample.truth().orElseThrow();
    assertEquals(request.getRequestId(), truth.getRequestId());
    assertEquals("dataset", truth.getSource());
    assertEquals(200, truth.getImageWidth());
    List<PhraseTruth> t = truth.getPhrases();
    // 1-based XML (11,21,60,91) -> 0-based (10,20,59,90).
    assertEquals(List.of(box(10, 20, 59, 90)), t.get(0).getBoxes());
    // Chain 13 has two boxes; both belong to "two dogs".
    assertEquals(List.of(box(120, 50, 160, 90), box(160, 40, 199, 99)), t.get(3).getBoxes());
    assertEquals("13", t.get(3).getEntityId());
    PhraseTruth beach = t.get(4);
    assertTrue(beach.getScene());
    assertFalse(beach.getNoBox());
    assertTrue(beach.getBoxes().isEmpty());
  }

  @Test
  void noBoxNotVisualAndMultipleTypes() throws Exception {
    FlickrEntitiesImporter importer = importer("test");
    ImportedSample second = importer.sample(1);
    assertEquals("The dogs run through the wind with excitement .", second.request().getCaption());
    List<PhraseTruth> t = second.truth().orElseThrow().getPhrases();
    assertEquals(2, t.get(0).getBoxes().size()); // same chain 13 in another caption: all its boxes
    PhraseTruth wind = t.get(1);
    assertTrue(wind.getNoBox());
    assertFalse(wind.getScene());
    assertTrue(wind.getBoxes().isEmpty());
    PhraseTruth excitement = t.get(2);
    assertEquals("0", excitement.getEntityId());
    assertEquals(List.of(PhraseType.notvisual), excitement.getTypes());
    assertTrue(excitement.getBoxes().isEmpty());
    assertFalse(excitement.getNoBox());

    ImportedSample third = importer.sample(2);
    Phrase person = third.request().getPhrases().get(0);
    assertEquals(List.of(PhraseType.people, PhraseType.other), person.getTypes());
    assertEquals(List.of(PhraseType.people, PhraseType.other), third.truth().orElseThrow().getPhrases().get(0).getTypes());
    // "a dog" (chain 16) shares one <object> with chain 13 (two <name> tags).
    assertEquals(List.of(box(120, 50, 160, 90)), third.truth().orElseThrow().getPhrases().get(1).getBoxes());
  }

  @Test
  void imageWithoutFilenameTagIsIdDotJpgAndRequestIdsAreDeterministicAndDistinct() throws Exception {
    FlickrEntitiesImporter importer = importer("test");
    ImportedSample street = importer.sample(3);
    assertEquals("image/jpeg", street.request().getImage().getContentType());
    assertEquals(List.of(box(0, 0, 63, 47)), street.truth().orElseThrow().getPhrases().get(0).getBoxes());
    assertEquals(street.request().getRequestId(), importer("test").sample(3).request().getRequestId());
    assertNotEquals(importer.sample(0).request().getRequestId(), importer.sample(1).request().getRequestId());
    assertNull(street.request().getImage().getUri());
  }

  @Test
  void markupErrorsAreReported() {
    assertThrows(IllegalArgumentException.class, () -> FlickrSentence.parse("[/EN#1/people A man"));
    assertThrows(IllegalArgumentException.class, () -> FlickrSentence.parse("[/EN#1/robots A man]"));
    assertThrows(IllegalArgumentException.class, () -> FlickrSentence.parse("[/EN#1/people A [/EN#2/people man]]"));
    FlickrSentence plain = FlickrSentence.parse("No phrases here .");
    assertEquals("No phrases here .", plain.caption());
    assertTrue(plain.phrases().isEmpty());
  }
}
