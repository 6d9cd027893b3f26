package dev.groundstream.launcher.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.FlickrEntitiesImporter;
import dev.groundstream.ingest.importers.ImageFiles;
import dev.groundstream.ingest.importers.ImportedSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlickrFormatRoundTripTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String DATASET = "synthetic/round-trip";
  private static final int COUNT = 40;

  @TempDir Path root;

  @Test
  void writtenFolderImportsBackWithTheSameCaptionsPhrasesAndBoxes() throws Exception {
    SceneGenerator generator = new SceneGenerator(5);
    List<Integer> progress = new ArrayList<>();
    new FlickrFormatWriter(generator).write(root, "test", COUNT, progress::add);
    assertEquals(COUNT, progress.size());
    assertEquals(COUNT, progress.get(COUNT - 1));

    ImageRefFactory refs = new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(root.resolve("blobs")));
    FlickrEntitiesImporter imported = new FlickrEntitiesImporter(root, "test", root.resolve("images"), DATASET,
        new ImageFiles(refs), CLOCK);
    SyntheticDataset generated = new SyntheticDataset(generator, COUNT, DATASET, refs, CLOCK);
    assertEquals(generated.size(), imported.size());

    for (int i = 0; i < COUNT; i++) {
      ImportedSample fromDisk = imported.sample(i);
      ImportedSample direct = generated.sample(i);
      GroundingRequest a = fromDisk.request();
      GroundingRequest b = direct.request();
      assertEquals(b.getRequestId(), a.getRequestId(), "same ids by either route");
      assertEquals(b.getCaption(), a.getCaption());
      assertEquals(b.getPhrases(), a.getPhrases());
      assertEquals(b.getImage().getSha256(), a.getImage().getSha256());
      assertEquals(b.getImage().getWidth(), a.getImage().getWidth());
      assertEquals("image/png", a.getImage().getContentType());
      GroundTruth truthFromDisk = fromDisk.truth().orElseThrow();
      GroundTruth truthDirect = direct.truth().orElseThrow();
      assertEquals(truthDirect.getPhrases(), truthFromDisk.getPhrases(), "0-based boxes, chains, types, flags");
      assertEquals(truthDirect.getImageWidth(), truthFromDisk.getImageWidth());
      assertEquals(truthDirect.getImageHeight(), truthFromDisk.getImageHeight());
      assertBoxesAreTheScenesOwn(generator.scene(i), truthFromDisk);
    }
  }

  @Test
  void annotationFilesHoldOneBasedBoxes() throws Exception {
    SceneGenerator generator = new SceneGenerator(9);
    new FlickrFormatWriter(generator).write(root, "val", 3, done -> {});
    assertEquals(List.of(generator.imageId(0), generator.imageId(1), generator.imageId(2)),
        Files.readAllLines(root.resolve("val.txt")));
    Scene scene = generator.scene(0);
    PixelBox first = scene.caption().phrases().get(0).boxes().get(0);
    String xml = Files.readString(root.resolve("Annotations").resolve(scene.imageId() + ".xml"), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<xmin>" + (first.x1() + 1) + "</xmin>"), xml);
    assertTrue(xml.contains("<ymin>" + (first.y1() + 1) + "</ymin>"), xml);
    assertTrue(xml.contains("<xmax>" + (first.x2() + 1) + "</xmax>"), xml);
    assertTrue(xml.contains("<ymax>" + (first.y2() + 1) + "</ymax>"), xml);
    String sentence = Files.readString(root.resolve("Sentences").resolve(scene.imageId() + ".txt"), StandardCharsets.UTF_8);
    assertTrue(sentence.startsWith("[/EN#1/other " + scene.caption().phrases().get(0).text() + "]"), sentence);
  }

  private static void assertBoxesAreTheScenesOwn(Scene scene, GroundTruth truth) {
    for (int p = 0; p < scene.caption().phrases().size(); p++) {
      List<Box> expected = scene.caption().phrases().get(p).boxes().stream().map(PixelBox::toAvro).toList();
      assertEquals(expected, truth.getPhrases().get(p).getBoxes());
    }
  }
}
