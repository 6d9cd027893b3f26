package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.px;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionCorrectnessTest {

    private static final double TIGHT = 1e-12;
    private static final HeatmapGrid UNIFORM = HeatmapGrid.of(1, 1, 5.0);

    @Test
    void uniformHeatmapGivesTheBoxShareOfTheImage() {
        // 1x1 map on a 4x4 image: every pixel 1/16 after normalisation; [0,0,2,2] holds 4 pixels -> 0.25.
        assertEquals(0.25, AttentionCorrectness.of(UNIFORM, 4, 4, List.of(px(0, 0, 2, 2))), TIGHT);
        assertEquals(1.0, AttentionCorrectness.of(UNIFORM, 4, 4, List.of(px(0, 0, 4, 4))), TIGHT);
    }

    @Test
    void overlappingBoxesCountTheirSharedMassOncePerBoxLikeMultiGrounding() {
        // [0,0,2,2] and [1,1,3,3] each hold 4/16; the shared pixel (1,1) counts twice: 0.25 + 0.25 = 0.5
        // (the pixel union would be 7/16 = 0.4375).
        assertEquals(0.5, AttentionCorrectness.of(UNIFORM, 4, 4,
                List.of(px(0, 0, 2, 2), px(1, 1, 3, 3))), TIGHT);
        // A duplicated box counts twice as well.
        assertEquals(0.5, AttentionCorrectness.of(UNIFORM, 4, 4,
                List.of(px(0, 0, 2, 2), px(0, 0, 2, 2))), TIGHT);
    }

    @Test
    void boxesAreClippedToTheImage() {
        // [2,2,10,10] covers pixels 2..3 x 2..3 = 4 of 16; [-5,-5,1,1] covers pixel (0,0) = 1 of 16.
        assertEquals(0.25, AttentionCorrectness.of(UNIFORM, 4, 4, List.of(px(2, 2, 10, 10))), TIGHT);
        assertEquals(1.0 / 16, AttentionCorrectness.of(UNIFORM, 4, 4, List.of(px(-5, -5, 1, 1))), TIGHT);
    }

    @Test
    void fractionalBoxCountsPartialPixels() {
        // [0,0,1.5,1]: pixel (0,0) fully, pixel (1,0) half -> 1.5 pixels of 16.
        assertEquals(1.5 / 16, AttentionCorrectness.of(UNIFORM, 4, 4, List.of(px(0, 0, 1.5, 1))), TIGHT);
    }

    @Test
    void bilinearResizeSpreadsTheMass() {
        // 2x2 map [[1,0],[0,0]] on 4x4: per axis the weight of cell 0 at pixels 0..3 is a = 1, .75, .25, 0
        // (see HeatmapArgmaxTest), so pixel (x,y) = a[x]*a[y]. Total = (1+.75+.25+0)^2 = 4.
        // Box [0,0,2,2]: (1+.75)^2 = 3.0625 -> 3.0625/4 = 0.765625.
        HeatmapGrid grid = HeatmapGrid.of(2, 2, 1, 0, 0, 0);
        assertEquals(0.765625, AttentionCorrectness.of(grid, 4, 4, List.of(px(0, 0, 2, 2))), TIGHT);
    }

    @Test
    void heatmapWithoutMassScoresZero() {
        assertEquals(0.0, AttentionCorrectness.of(HeatmapGrid.of(2, 1, 0, 0), 4, 4, List.of(px(0, 0, 4, 4))));
    }

    @Test
    void malformedTruthBoxesAreIgnored() {
        assertEquals(0.25, AttentionCorrectness.of(UNIFORM, 4, 4,
                List.of(px(0, 0, 2, 2), px(Double.NaN, 0, 1, 1))), TIGHT);
    }

    @Test
    void agreesWithFullResizeAndPixelSumsOnRandomCases() {
        Random random = new Random(424242L);
        for (int run = 0; run < 400; run++) {
            int cellsWide = 1 + random.nextInt(7);
            int cellsHigh = 1 + random.nextInt(7);
            int width = 1 + random.nextInt(50);
            int height = 1 + random.nextInt(50);
            double[] cells = new double[cellsWide * cellsHigh];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = random.nextInt(4) == 0 ? 0.0 : random.nextDouble();
            }
            int boxCount = 1 + random.nextInt(3);
            int[][] boxes = new int[boxCount][];
            List<PixelBox> pixelBoxes = new ArrayList<>();
            for (int b = 0; b < boxCount; b++) {
                int x1 = random.nextInt(width);
                int y1 = random.nextInt(height);
                int x2 = x1 + random.nextInt(width - x1 + 1);
                int y2 = y1 + random.nextInt(height - y1 + 1);
                boxes[b] = new int[] {x1, y1, x2, y2};
                pixelBoxes.add(px(x1, y1, x2, y2));
            }
            double expected = ReferenceResize.attentionCorrectness(
                    ReferenceResize.resize(cells, cellsWide, cellsHigh, width, height), boxes);
            double actual = AttentionCorrectness.of(HeatmapGrid.of(cellsWide, cellsHigh, cells), width, height,
                    pixelBoxes);
            assertEquals(expected, actual, 1e-9, "run " + run);
        }
    }
}
