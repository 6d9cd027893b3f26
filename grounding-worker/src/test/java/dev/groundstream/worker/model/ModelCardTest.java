package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundstream.worker.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void readsTheDetectorFixtureCard() {
    ModelCard card = ModelCard.load(TestFixtures.model("fake-detector"));
    assertEquals("fake-detector", card.name());
    assertEquals("1.0.0", card.version());
    assertEquals(ModelKind.DETECTOR_RANKER, card.kind());
    assertEquals("images", card.input(ModelCard.ROLE_IMAGE));
    assertEquals("detections", card.output(ModelCard.ROLE_DETECTIONS));
    assertEquals(32, card.preprocessing().width());
    assertEquals(TensorLayout.NHWC, card.preprocessing().layout());
    assertEquals(ResizeMode.LETTERBOX, card.preprocessing().resize());
    assertEquals(1f / 255, card.preprocessing().scale(), 1e-9);
    assertTrue(card.preprocessing().halfPixelCenters());
    assertEquals(BoxFormat.XYXY_PIXELS, card.boxFormat());
    assertTrue(card.labelsFile().orElseThrow().endsWith("labels.txt"));
    assertEquals(8, card.maxBatch());
    assertEquals("grounding-worker.fake-detector.1.0.0", card.consumerGroup());
  }

  @Test
  void readsTextModelCardsWithTokenizerAndMeanStd() {
    ModelCard card = ModelCard.load(TestFixtures.model("fake-box-queries"));
    assertEquals(ModelKind.BOX_QUERIES, card.kind());
    assertEquals(BoxFormat.CXCYWH_NORMALIZED, card.boxFormat());
    assertEquals(ResizeMode.STRETCH, card.preprocessing().resize());
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, card.preprocessing().std());
    assertTrue(card.sigmoidScores());
    assertEquals("input_ids", card.input(ModelCard.ROLE_INPUT_IDS));
    assertEquals("pred_boxes", card.output(ModelCard.ROLE_BOXES));
  }

  @Test
  void readsTheConverterStyleDetectorCard() throws IOException {
    // The shape of models/centernet-coco/groundstream-model.json (kind detector, nested resize/boxFormat).
    Files.writeString(dir.resolve("model.onnx"), "x");
    Files.writeString(dir.resolve("labels.txt"), "person\n");
    Files.writeString(dir.resolve(ModelCard.FILE_NAME), """
        {"name": "centernet-coco", "version": "1.0.0", "kind": "detector",
         "files": {"model": "model.onnx", "labels": "labels.txt"},
         "inputs": [{"name": "images", "shape": [1, 512, 512, 3], "layout": "NHWC"}],
         "preprocessing": {"resize": {"width": 512, "height": 512, "keepAspectRatio": false, "halfPixelCenters": false},
                           "valueRange": [0, 255], "mean": [0, 0, 0], "std": [1, 1, 1]},
         "outputs": [{"name": "detections", "primary": true}, {"name": "keypoints"}],
         "boxFormat": {"format": "xyxy", "normalized": false},
         "classes": {"labelsFile": "labels.txt"},
         "postprocessing": {"recommendedMinScore": 0.2}}
        """);
    ModelCard card = ModelCard.load(dir);
    assertEquals(ModelKind.DETECTOR_RANKER, card.kind());
    assertEquals(512, card.preprocessing().width());
    assertEquals(ResizeMode.STRETCH, card.preprocessing().resize());
    assertEquals(TensorLayout.NHWC, card.preprocessing().layout());
    assertEquals(1f, card.preprocessing().scale());
    assertEquals(false, card.preprocessing().halfPixelCenters(), "TF legacy bilinear grid");
    assertEquals(BoxFormat.XYXY_PIXELS, card.boxFormat());
    assertEquals("detections", card.output(ModelCard.ROLE_DETECTIONS));
    assertEquals(0.2f, card.minScore(), 1e-6);
    assertEquals(1, card.maxBatch(), "a batch dimension fixed at 1 limits batches to 1");
  }

  @Test
  void missingOrInvalidFieldsAreNamed() throws IOException {
    assertError("{}", "missing text field 'name'");
    assertError(card(c -> c.put("kind", "segmenter")), "kind 'segmenter' is not one of");
    assertError(card(c -> c.remove("version")), "'version'");
    assertError(card(c -> ((ObjectNode) c.get("preprocessing")).put("layout", "HWC")), "layout must be NHWC or NCHW");
    assertError(card(c -> ((ObjectNode) c.get("preprocessing")).put("resize", "crop")), "resize must be letterbox or stretch");
    assertError(card(c -> ((ObjectNode) c.get("preprocessing")).remove("width")), "needs 'width' and 'height'");
    assertError(card(c -> c.put("boxFormat", "xywh")), "boxFormat 'xywh'");
    assertError(card(c -> c.put("labels", "missing.txt")), "'labels' file missing.txt does not exist");
    assertError(card(c -> c.remove("labels")), "needs 'labels'");
    assertError(card(c -> c.put("kind", "box-queries")), "'inputs' has no tensor with role 'input_ids'");
    assertError(card(c -> c.putArray("outputs")), "missing non-empty array 'outputs'");
    assertError(card(c -> ((ObjectNode) c.get("preprocessing")).putArray("std").add(1).add(0).add(1)), "std values must be positive");
    assertError("not json", "is not valid JSON");
    assertThrows(ModelCardException.class, () -> ModelCard.load(dir.resolve("nowhere")));
  }

  @Test
  void digestCoversEveryFile() throws IOException {
    Files.writeString(dir.resolve("model.onnx"), "weights");
    Files.writeString(dir.resolve("labels.txt"), "person\n");
    String first = ModelDigest.of(dir);
    assertEquals(64, first.length());
    assertEquals(first, ModelDigest.of(dir), "deterministic");
    Files.writeString(dir.resolve("labels.txt"), "person\ndog\n");
    assertNotEquals(first, ModelDigest.of(dir));
  }

  private String card(java.util.function.Consumer<ObjectNode> edit) throws IOException {
    ObjectNode card = (ObjectNode) JSON.readTree(
        TestFixtures.model("fake-detector").resolve(ModelCard.FILE_NAME).toFile());
    edit.accept(card);
    return card.toString();
  }

  private void assertError(String json, String expected) throws IOException {
    Files.copy(TestFixtures.model("fake-detector").resolve("model.onnx"), dir.resolve("model.onnx"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("labels.txt"), "person\n");
    Files.writeString(dir.resolve(ModelCard.FILE_NAME), json);
    ModelCardException e = assertThrows(ModelCardException.class, () -> ModelCard.load(dir));
    assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
  }
}
