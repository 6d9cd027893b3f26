package dev.groundstream.launcher.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.ingest.images.BlobStore;
import dev.groundstream.ingest.images.ImageRefFactory;
import dev.groundstream.ingest.importers.ImportedSample;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetTest {
  @TempDir Path blobs;

  private SyntheticDataset dataset(int count) {
    return new SyntheticDataset(new SceneGenerator(13), count, SyntheticDataset.defaultName(13),
        new ImageRefFactory(ImageRefFactory.DEFAULT_INLINE_MAX_BYTES, new BlobStore(blobs)), Clock.systemUTC());
  }

  @Test
  void aThousandScenesGenerateWithoutBeingKept() {
    SyntheticDataset scenes = dataset(1000);
    List<WeakReference<ImportedSample>> made = new ArrayList<>();
    long pngBytes = 0;
    for (int i = 0; i < scenes.size(); i++) {
      ImportedSample sample = scenes.sample(i);
      pngBytes += sample.request().getImage().getSizeBytes();
      made.add(new WeakReference<>(sample));
    }
    assertTrue(pngBytes > 0);
    // If the dataset cached samples they would all stay reachable; generated on demand, the
    // collector can take every one of them.
    long reachable = 0;
    for (int attempt = 0; attempt < 5; attempt++) {
      System.gc();
      reachable = made.stream().filter(ref -> ref.get() != null).count();
      if (reachable == 0) {
        break;
      }
    }
    assertTrue(reachable <= 1, reachable + " of 1000 samples still reachable after GC");
  }

  @Test
  void anyCountIsCheapToOpenAndAnyIndexCanBeMade() {
    SyntheticDataset huge = dataset(Integer.MAX_VALUE);
    assertEquals(Integer.MAX_VALUE, huge.size());
    GroundingRequest last = huge.sample(Integer.MAX_VALUE - 1).request();
    assertEquals("synthetic", last.getSource());
    assertEquals("synthetic/seed-13", last.getDataset());
    assertEquals(Integer.toString(Integer.MAX_VALUE - 1), last.getAttributes().get("syntheticIndex"));
    assertThrows(IndexOutOfBoundsException.class, () -> huge.sample(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> dataset(3).sample(3));
  }

  @Test
  void samplesAreSmallInlinePngs() {
    ImportedSample sample = dataset(1).sample(0);
    var image = sample.request().getImage();
    assertEquals("image/png", image.getContentType());
    assertTrue(image.getInline() != null && image.getUri() == null, "inline, no claim check");
    assertEquals(SceneGenerator.WIDTH, image.getWidth());
    assertEquals(SceneGenerator.HEIGHT, image.getHeight());
    assertEquals(sample.request().getRequestId(), sample.truth().orElseThrow().getRequestId());
  }
}
