package dev.groundstream.ingest.importers;

import static dev.groundstream.ingest.importers.ImporterFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlImporterTest {
  @TempDir Path images;
  @TempDir Path blobs;

  private JsonlImporter importer(Path file) throws Exception {
    ImporterFixtures.writeImages(images);
    return new JsonlImporter(file, images, "mine", ImporterFixtures.imageFiles(blobs), CLOCK, null);
  }

  @Test
  void readsPhrasesTruthAndAttributesSkippingBlankLines() throws Exception {
    JsonlImporter importer = importer(ImporterFixtures.resource("sample.jsonl"));
    assertEquals(2, importer.size());
    ImportedSample first = importer.sample(0);
    assertEquals("A man throws a frisbee", first.request().getCaption());
    assertEquals(Map.of("photographer", "test"), first.request().getAttributes());
    assertEquals("a frisbee", first.request().getPhrases().get(1).getText());
    assertEquals("10", first.request().getPhrases().get(0).getEntityId());
    List<PhraseTruth> truth = first.truth().orElseThrow().getPhrases();
    assertEquals(List.of(Box.newBuilder().setX1(10).setY1(20).setX2(59).setY2(90).build()), truth.get(0).getBoxes());
    assertTrue(truth.get(1).getNoBox());
    assertEquals(List.of(PhraseType.people), truth.get(0).getTypes());

    ImportedSample second = importer.sample(1);
    assertTrue(second.truth().isEmpty(), "no boxes, no truth");
    assertEquals(64, second.request().getImage().getWidth()); // read from the JPEG header
    assertEquals(48, second.request().getImage().getHeight());
  }

  @Test
  void refusesSpansTextMismatchAndBoxesOutsideTheImage(@TempDir Path dir) throws Exception {
    assertBad(dir, "{\"image\":\"beach.png\",\"caption\":\"A man\",\"phrases\":[{\"start\":0,\"end\":9}]}");
    assertBad(dir, "{\"image\":\"beach.png\",\"caption\":\"A man\",\"phrases\":[{\"text\":\"a man\",\"start\":0,\"end\":5}]}");
    assertBad(dir, "{\"image\":\"beach.png\",\"caption\":\"A man\",\"phrases\":[{\"start\":0,\"end\":5,\"boxes\":[[0,0,201,10]]}]}");
    assertBad(dir, "{\"image\":\"beach.png\",\"caption\":\"A man\",\"phrases\":[{\"start\":0,\"end\":5,\"boxes\":[[5,0,5,10]]}]}");
    assertBad(dir, "{\"image\":\"beach.png\",\"caption\":\"A man\",\"phrases\":[{\"start\":0,\"end\":5,\"types\":[\"robot\"]}]}");
    assertBad(dir, "{\"image\":\"missing.png\",\"caption\":\"A man\",\"phrases\":[]}");
    assertBad(dir, "not json");
  }

  private void assertBad(Path dir, String line) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "bad", ".jsonl"), line + "\n");
    JsonlImporter importer = importer(file);
    assertThrows(IOException.class, () -> importer.sample(0), line);
  }
}
