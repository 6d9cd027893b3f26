package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.worker.model.ImagePreprocessor;
import dev.groundstream.worker.model.Preprocessing;
import dev.groundstream.worker.model.ResizeMode;
import dev.groundstream.worker.model.TensorLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The replay's dataset filter: the range object, and where the preparer applies it. */
class ReplayDatasetFilterTest {
  private static final ImagePreprocessor PREPROCESSOR = new ImagePreprocessor(new Preprocessing(8, 8,
      TensorLayout.NHWC, ResizeMode.LETTERBOX, 1f, new float[] {0, 0, 0}, new float[] {1, 1, 1}, 0));

  private static GroundingRequest request(String dataset, byte[] image) {
    GroundingRequest r = WorkerTestKit.request(WorkerTestKit.id("filter", 0), WorkerTestKit.inline(image, 64, 32));
    r.setDataset(dataset);
    return r;
  }

  @Test
  void rangeWithoutDatasetIncludesEveryRequestAndOldConstructorStillWorks() {
    ReplayRange old = new ReplayRange(Optional.of(Instant.EPOCH), Optional.empty());
    assertEquals(Optional.empty(), old.dataset());
    assertTrue(old.includes(request("anything", new byte[] {1})));
    assertTrue(ReplayRange.all().includes(request("live", new byte[] {1})));
    // blank or null from the command line means no filter
    assertEquals(Optional.empty(), ReplayRange.all().withDataset(" ").dataset());
    assertEquals(Optional.empty(), ReplayRange.all().withDataset(null).dataset());
  }

  @Test
  void rangeWithDatasetIncludesOnlyThatDatasetAndKeepsItsTimes() {
    ReplayRange range = new ReplayRange(Optional.of(Instant.EPOCH), Optional.of(Instant.EPOCH.plusSeconds(1)))
        .withDataset("flickr30k-entities/test");
    assertEquals(Optional.of(Instant.EPOCH), range.from());
    assertEquals(Optional.of(Instant.EPOCH.plusSeconds(1)), range.to());
    assertTrue(range.includes(request("flickr30k-entities/test", new byte[] {1})));
    assertFalse(range.includes(request("flickr30k-entities/val", new byte[] {1})));
    assertFalse(range.includes(request("Flickr30k-entities/test", new byte[] {1})), "names match exactly");
  }

  @Test
  void preparerSkipsFilteredRequestsBeforeTouchingTheImage() {
    byte[] notAnImage = {1, 2, 3};
    GroundingRequest otherDataset = request("refcoco/val", notAnImage);
    AtomicInteger decoded = new AtomicInteger();
    ReplayRange range = ReplayRange.all().withDataset("flickr30k-entities/test");
    RequestPreparer preparer = new RequestPreparer((topic, bytes) -> {
      decoded.incrementAndGet();
      return otherDataset;
    }, new ImageSource(Optional.<Path>empty()), PREPROCESSOR, range::includes);
    // The image bytes are garbage: had the preparer decoded them it would report a decode failure.
    PreparedRequest prepared = preparer.prepare(new byte[] {0});
    PreparedRequest.Skipped skipped = assertInstanceOf(PreparedRequest.Skipped.class, prepared);
    assertSame(otherDataset, skipped.request());
    assertEquals(1, decoded.get(), "the Avro value is decoded to read its dataset");
  }

  @Test
  void preparerStillPreparesAndFailsRequestsOfTheWantedDataset() {
    ReplayRange range = ReplayRange.all().withDataset("flickr30k-entities/test");
    GroundingRequest good = request("flickr30k-entities/test", TestFixtures.uniformPng(64, 32, 100));
    GroundingRequest broken = request("flickr30k-entities/test", new byte[] {1, 2, 3});
    RequestPreparer goodPreparer = new RequestPreparer((t, b) -> good, new ImageSource(Optional.empty()),
        PREPROCESSOR, range::includes);
    RequestPreparer brokenPreparer = new RequestPreparer((t, b) -> broken, new ImageSource(Optional.empty()),
        PREPROCESSOR, range::includes);
    assertInstanceOf(PreparedRequest.Ready.class, goodPreparer.prepare(new byte[] {0}));
    PreparedRequest.Failed failed = assertInstanceOf(PreparedRequest.Failed.class, brokenPreparer.prepare(new byte[] {0}));
    assertEquals(RequestPreparer.STEP_DECODE_IMAGE, failed.step());
    // without a filter (the live worker) the other dataset's broken image is a decode failure
    RequestPreparer unfiltered = new RequestPreparer((t, b) -> request("refcoco/val", new byte[] {1, 2, 3}),
        new ImageSource(Optional.empty()), PREPROCESSOR);
    assertInstanceOf(PreparedRequest.Failed.class, unfiltered.prepare(new byte[] {0}));
  }
}
