package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card may reuse the weights of a sibling model folder (models/centernet-ranker -> ../centernet-coco). */
class SharedModelFileTest {
  @TempDir Path models;
  Path detector;
  Path ranker;

  @BeforeEach
  void sibling() throws IOException {
    detector = Files.createDirectories(models.resolve("detector"));
    for (String f : new String[] {"model.onnx", "labels.txt", ModelCard.FILE_NAME}) {
      Files.copy(TestFixtures.model("fake-detector").resolve(f), detector.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    ranker = Files.createDirectories(models.resolve("ranker"));
  }

  private String card(String model, String extra) {
    return """
        {"name": "r", "version": "1", "kind": "detector-ranker", "model": "%s", "labels": "../detector/labels.txt",
         "inputs": [{"name": "images", "role": "image"}], "outputs": [{"name": "detections", "role": "detections"}],
         "preprocessing": {"width": 32, "height": 32, "layout": "NHWC", "resize": "letterbox"},
         "boxFormat": "xyxy-pixels"%s}
        """.formatted(model, extra);
  }

  @Test
  void aModelFileOfASiblingModelFolderIsResolvedRelativeToTheCard() throws IOException {
    Files.writeString(ranker.resolve(ModelCard.FILE_NAME), card("../detector/model.onnx", ""));
    ModelCard card = ModelCard.load(ranker);
    assertEquals(detector.resolve("model.onnx").toAbsolutePath().normalize(), card.modelFile().toAbsolutePath().normalize());
  }

  @Test
  void aDeclaredSha256MustMatch() throws IOException {
    Files.writeString(ranker.resolve(ModelCard.FILE_NAME), card("../detector/model.onnx", ", \"modelSha256\": \"00ff\""));
    ModelCardException e = assertThrows(ModelCardException.class, () -> ModelCard.load(ranker));
    assertTrue(e.getMessage().contains("sha256"), e.getMessage());
  }

  @Test
  void aFolderWithoutItsOwnCardIsNoModelFolderToBorrowFrom() throws IOException {
    Files.delete(detector.resolve(ModelCard.FILE_NAME));
    Files.writeString(ranker.resolve(ModelCard.FILE_NAME), card("../detector/model.onnx", ""));
    ModelCardException e = assertThrows(ModelCardException.class, () -> ModelCard.load(ranker));
    assertTrue(e.getMessage().contains("must stay inside the model folder"), e.getMessage());
  }

  @Test
  void pathsFurtherOutAreRejected() throws IOException {
    Files.copy(detector.resolve("model.onnx"), models.resolve("model.onnx"));
    Files.writeString(ranker.resolve(ModelCard.FILE_NAME), card("../model.onnx", ""));
    assertThrows(ModelCardException.class, () -> ModelCard.load(ranker));
  }
}
