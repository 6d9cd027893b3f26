package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.worker.TestFixtures;
import dev.groundstream.worker.onnx.OrtSettings;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fake heatmap model: 8x8 cells = 4x4 average of the colour channel (token-id sum mod 3).
 * On a 64x32 black image letterboxed to 32x32 (content 32x16 at y 8) a red square at x 16..32,
 * y 8..24 lands on input x 8..16, y 12..20 = cells cols 2-3, rows 3-4; a green one at x 40..56 on
 * cols 5-6, rows 3-4.
 */
class HeatmapModelTest {

  @Test
  void pointAndPeakBoxFindTheColourOfThePhrase() throws Exception {
    try (GroundingModel model = GroundingModels.load(TestFixtures.model("fake-heatmap"), OrtSettings.cpu())) {
      BufferedImage image = TestFixtures.uniform(64, 32, Color.BLACK);
      TestFixtures.withSquare(image, Color.RED, 16, 8, 16);
      TestFixtures.withSquare(image, Color.GREEN, 40, 8, 16);
      GroundingInput input = new GroundingInput(model.preprocessor().preprocess(TestFixtures.png(image)),
          "red green", List.of(new PhraseQuery("p0", "red", 0, 3), new PhraseQuery("p1", "green", 4, 9)));
      List<PhraseGrounding> out = ((GroundingOutcome.Grounded) model.ground(List.of(input, input)).get(1)).phrases();

      // "red" = id 3, 3 mod 3 = 0: red channel. argmax = first full cell (row 3, col 2), centre
      // input (10, 14) -> original (20, 12); peak region = the square.
      PhraseGrounding red = out.get(0);
      assertArrayEquals(new float[] {20, 12}, red.point().orElseThrow(), 1e-4f);
      DetectorRankerModelTest.assertBoxes(List.of(new ScoredBox(16, 8, 32, 24, 1f)), red.boxes());
      // "green" = id 13, mod 3 = 1: green channel; argmax cell (3, 5) centre (22, 14) -> (44, 12)
      PhraseGrounding green = out.get(1);
      assertArrayEquals(new float[] {44, 12}, green.point().orElseThrow(), 1e-4f);
      DetectorRankerModelTest.assertBoxes(List.of(new ScoredBox(40, 8, 56, 24, 1f)), green.boxes());

      // The heatmap comes back laid over the original image (padding cut away): the red square
      // covers original cells cols 2-3 (x 16..32), rows 2-5 (y 8..24 of 32 rows / 8).
      HeatmapGrid aligned = red.heatmap().orElseThrow();
      assertEquals(8, aligned.width());
      assertEquals(1f, aligned.at(2, 2), 1e-6);
      assertEquals(1f, aligned.at(5, 3), 1e-6);
      assertEquals(0f, aligned.at(0, 0), 1e-6);
      assertEquals(0f, aligned.at(3, 5), 1e-6, "the green square is not in the red heatmap");
    }
  }
}
