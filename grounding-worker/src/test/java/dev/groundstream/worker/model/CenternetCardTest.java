package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundstream.worker.onnx.OrtSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's default detector (models/centernet-coco, issue 7) loads as a detector-ranker
 * plug-in and grounds a real photo. Skipped while that folder is not there; its accuracy is
 * tested by its own module.
 */
class CenternetCardTest {
  static final Path MODEL = Path.of("..", "models", "centernet-coco");
  static final Path PHOTO = Path.of("..", "datasets", "groundstream-photos", "images", "dog.jpg");

  @Test
  void defaultDetectorGroundsARealPhoto() throws Exception {
    assumeTrue(Files.isRegularFile(MODEL.resolve(ModelCard.FILE_NAME)) && Files.isRegularFile(MODEL.resolve("model.onnx")),
        "models/centernet-coco is not in this checkout");
    assumeTrue(Files.isRegularFile(PHOTO), "the sample photo is not in this checkout");
    try (GroundingModel model = GroundingModels.load(MODEL, OrtSettings.cpu())) {
      assertEquals(ModelKind.DETECTOR_RANKER, model.card().kind());
      byte[] jpeg = Files.readAllBytes(PHOTO);
      GroundingInput input = new GroundingInput(model.preprocessor().preprocess(jpeg), "a dog",
          List.of(new PhraseQuery("p0", "a dog", 0, 5)));
      GroundingOutcome.Grounded out = assertInstanceOf(GroundingOutcome.Grounded.class, model.ground(List.of(input)).get(0));
      List<ScoredBox> boxes = out.phrases().get(0).boxes();
      assertFalse(boxes.isEmpty(), "proposals above the card's minScore");
      // darknet's dog.jpg (768x576): the dog sits in the lower left quarter, bicycle and truck elsewhere
      ScoredBox top = boxes.get(0);
      float cx = (top.x1() + top.x2()) / 2;
      float cy = (top.y1() + top.y2()) / 2;
      assertEquals(true, cx < 384 && cy > 288, "top box for 'a dog' is the dog: " + top);
      for (ScoredBox b : boxes) {
        assertEquals(true, b.x1() >= 0 && b.x2() <= input.image().originalWidth() && b.x1() <= b.x2());
      }
    }
  }
}
