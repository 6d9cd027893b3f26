package dev.groundstream.worker.model.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundstream.worker.onnx.ModelSession;
import dev.groundstream.worker.onnx.OrtSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * models/movenet-multipose/model.onnx in ONNX Runtime Java against the original TFJS model's output
 * on the committed reference inputs (tools/model-conversion/reference/*.movenet.png: the exact
 * 256x256 int32 input TFJS got; *.movenet.tfjs.json: its [1,6,56] output). Stated tolerance 1e-4
 * on every value (coordinates 0..1, scores 0..1); the node check measured at most 1.9e-6.
 */
class MovenetTfjsReferenceTest {
  static final Path MODEL = Path.of("..", "models", "movenet-multipose", "model.onnx");
  static final Path REF = Path.of("..", "tools", "model-conversion", "reference");
  static final float TOLERANCE = 1e-4f;
  static PoseStage pose;

  @BeforeAll
  static void open() throws Exception {
    assumeTrue(Files.isRegularFile(MODEL), "models/movenet-multipose/model.onnx is not in this checkout");
    pose = new PoseStage(ModelSession.open(MODEL, OrtSettings.cpu()), "input", "output", 0.2f);
  }

  @AfterAll
  static void close() throws Exception {
    if (pose != null) {
      pose.close();
    }
  }

  static int[] input(String name) throws Exception {
    BufferedImage img = ImageIO.read(REF.resolve(name + ".movenet.png").toFile());
    assertEquals(PoseStage.SIZE, img.getWidth());
    int[] out = new int[PoseStage.SIZE * PoseStage.SIZE * 3];
    for (int y = 0; y < PoseStage.SIZE; y++) {
      for (int x = 0; x < PoseStage.SIZE; x++) {
        int rgb = img.getRGB(x, y);
        int i = (y * PoseStage.SIZE + x) * 3;
        out[i] = rgb >> 16 & 0xff;
        out[i + 1] = rgb >> 8 & 0xff;
        out[i + 2] = rgb & 0xff;
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"basketball1", "messi5", "person"})
  void everyOutputValueMatchesTfjs(String name) throws Exception {
    JsonNode ref = new ObjectMapper().readTree(REF.resolve(name + ".movenet.tfjs.json").toFile());
    float[] got = pose.raw(input(name));
    assertEquals(6 * 56, ref.get("output").size());
    assertEquals(6 * 56, got.length);
    float worst = 0;
    for (int i = 0; i < got.length; i++) {
      worst = Math.max(worst, Math.abs(got[i] - (float) ref.get("output").get(i).asDouble()));
    }
    assertTrue(worst <= TOLERANCE, name + ": max abs difference " + worst + " > " + TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"basketball1", "messi5", "person"})
  void decodedPeopleAreTheTfjsPeople(String name) throws Exception {
    JsonNode ref = new ObjectMapper().readTree(REF.resolve(name + ".movenet.tfjs.json").toFile());
    // the reference input is already the square: no padding, "original" = 256x256
    List<Person> people = pose.run(input(name), PoseStage.SIZE, 0, 0, PoseStage.SIZE, PoseStage.SIZE);
    List<JsonNode> wanted = new java.util.ArrayList<>();
    ref.get("people").forEach(wanted::add);
    wanted.sort((a, b) -> Double.compare(b.get("score").asDouble(), a.get("score").asDouble()));
    assertEquals(wanted.size(), people.size(), name + ": people with score >= 0.2");
    for (int p = 0; p < people.size(); p++) {
      JsonNode want = wanted.get(p);
      Person got = people.get(p);
      assertEquals(want.get("score").asDouble(), got.box().score(), 1e-3);
      // TFJS box is ymin, xmin, ymax, xmax normalised; decoded box is x1, y1, x2, y2 in input pixels
      assertEquals(want.get("box").get(1).asDouble() * 256, got.box().x1(), 0.05);
      assertEquals(want.get("box").get(0).asDouble() * 256, got.box().y1(), 0.05);
      assertEquals(want.get("box").get(3).asDouble() * 256, got.box().x2(), 0.05);
      assertEquals(want.get("box").get(2).asDouble() * 256, got.box().y2(), 0.05);
    }
  }
}
