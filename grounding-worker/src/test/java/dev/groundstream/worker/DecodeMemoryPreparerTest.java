package dev.groundstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.GroundingRequest;
import dev.groundstream.images.DecodeMemory;
import dev.groundstream.worker.model.ImagePreprocessor;
import dev.groundstream.worker.model.ImageTooLargeException;
import dev.groundstream.worker.model.Preprocessing;
import dev.groundstream.worker.model.ResizeMode;
import dev.groundstream.worker.model.TensorLayout;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The preparer decodes within the worker's decode memory: what fits is prepared and returns its lease. */
class DecodeMemoryPreparerTest {
  private static final ImagePreprocessor PREPROCESSOR = new ImagePreprocessor(new Preprocessing(100, 100,
      TensorLayout.NHWC, ResizeMode.LETTERBOX, 1f, new float[] {0, 0, 0}, new float[] {1, 1, 1}, 0));

  private static RequestPreparer preparer(GroundingRequest request, DecodeMemory memory) {
    return new RequestPreparer((t, b) -> request, new ImageSource(Optional.empty()), PREPROCESSOR, r -> true, memory);
  }

  @Test
  void anImageNeedingMoreThanTheWholeDecodeMemoryIsDeadLetteredWithTheReason() {
    // 400x200 for a 100x100 input decodes with step 2: 200x100 pixels x (3 raster + 4 RGB copy) = 140,000 bytes
    GroundingRequest big = WorkerTestKit.request(WorkerTestKit.id("memory", 0),
        WorkerTestKit.inline(TestFixtures.uniformPng(400, 200, 80), 400, 200));
    DecodeMemory memory = new DecodeMemory(128 * 1024);
    PreparedRequest.Failed failed = assertInstanceOf(PreparedRequest.Failed.class,
        preparer(big, memory).prepare(new byte[] {0}));
    assertEquals(RequestPreparer.STEP_DECODE_IMAGE, failed.step());
    ImageTooLargeException e = assertInstanceOf(ImageTooLargeException.class, failed.error());
    assertEquals("decode_memory", e.reason());
    assertTrue(e.getMessage().contains("140000 bytes") && e.getMessage().contains("400x200"), e.getMessage());
    assertEquals(128 * 1024, memory.availableBytes(), "a refused image holds nothing");

    DecodeMemory enough = new DecodeMemory(256 * 1024);
    assertInstanceOf(PreparedRequest.Ready.class, preparer(big, enough).prepare(new byte[] {0}));
    assertEquals(256 * 1024, enough.availableBytes(), "the lease is returned once the model input is written");
  }
}
