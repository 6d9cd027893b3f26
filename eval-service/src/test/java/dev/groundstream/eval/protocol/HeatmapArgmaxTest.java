package dev.groundstream.eval.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Heatmap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeatmapArgmaxTest {

    private static int[] pixel(HeatmapGrid grid, int width, int height) {
        PointingLocation location = HeatmapArgmax.locate(grid, width, height).orElseThrow();
        assertEquals(PointingLocation.Source.HEATMAP_ARGMAX, location.source());
        return new int[] {(int) location.x(), (int) location.y()};
    }

    @Test
    void peakCellMapsToTheImagePixelWhereTheResizedMapPeaks() {
        // 2x2 heatmap, row 0 = [0, 1], row 1 = [0, 0], on a 4x4 image (scale 2 cells -> 4 pixels = 0.5).
        // Column p samples source x = (p + 0.5) * 0.5 - 0.5: p=0 -> -0.25 (edge: cell 0), p=1 -> 0.25,
        // p=2 -> 0.75, p=3 -> 1.25 (edge: cell 1). Row 0 of the image: 0, 0.25, 0.75, 1.
        // Row y=0 samples source y = -0.25 -> heatmap row 0 only; y=1 blends 0.75*row0: max 0.75.
        // The maximum 1 is at column 3, row 0.
        assertArrayEquals(new int[] {3, 0}, pixel(HeatmapGrid.of(2, 2, 0, 1, 0, 0), 4, 4));
    }

    @Test
    void uniformHeatmapPointsAtTheFirstPixelLikeNumpy() {
        assertArrayEquals(new int[] {0, 0}, pixel(HeatmapGrid.of(1, 1, 0.3), 7, 5));
        assertArrayEquals(new int[] {0, 0}, pixel(HeatmapGrid.of(2, 1, 1, 1), 4, 1));
    }

    @Test
    void symmetricPeakTiesGoToTheFirstRow() {
        // 1x3 column [0, 1, 0] on a 1x4 image (scale 0.75): rows sample -0.125 (cell 0: 0), 0.625
        // (0.625 of cell 1), 1.375 (1 - 0.375 = 0.625), 2.125 (cell 2: 0). Rows 1 and 2 tie -> row 1.
        assertArrayEquals(new int[] {0, 1}, pixel(HeatmapGrid.of(1, 3, 0, 1, 0), 1, 4));
        // The same with a peak value whose two sides round differently in double (found by the random
        // cross-check): rows 19 and 20 of 40 both hold 0.9625 * peak mathematically.
        assertArrayEquals(new int[] {0, 19}, pixel(HeatmapGrid.of(1, 3, 0, 0.9401164824812384, 0), 28, 40));
    }

    @Test
    void largeImagesCostOnlyTheCandidatePixels() {
        // A 19x19 map (about MultiGrounding's VGG resolution) on a 6000x4000 photo with one peak cell
        // (column 10, row 5). Pixel 3315 samples x = 3315.5 * 19/6000 - 0.5 = 9.99908, i.e. 0.99908 of the
        // peak; pixel 3316 samples 10.00225, i.e. 1 - 0.00225 = 0.99775 of it. So column 3315, inside the
        // peak cell's footprint [10 * 6000/19, 11 * 6000/19) = [3157.9, 3473.7).
        double[] cells = new double[19 * 19];
        cells[5 * 19 + 10] = 1.0;
        int[] location = pixel(HeatmapGrid.of(19, 19, cells), 6000, 4000);
        PixelBox peakCellFootprint = new PixelBox(10 * 6000 / 19.0, 5 * 4000 / 19.0, 11 * 6000 / 19.0,
                6 * 4000 / 19.0);
        assertTrue(peakCellFootprint.contains(location[0], location[1]));
        assertEquals(3315, location[0]);
    }

    @Test
    void downscalingUsesTheSameMapping() {
        // 4x1 heatmap [0,0,0,1] on a 2x1 image (scale 2): p=0 samples 0.5 -> 0; p=1 samples 2.5 ->
        // 0.5*cell2 + 0.5*cell3 = 0.5. Maximum at column 1.
        assertArrayEquals(new int[] {1, 0}, pixel(HeatmapGrid.of(4, 1, 0, 0, 0, 1), 2, 1));
    }

    @Test
    void heatmapWithoutMassPointsNowhere() {
        assertTrue(HeatmapArgmax.locate(HeatmapGrid.of(2, 2, 0, 0, 0, 0), 10, 10).isEmpty());
    }

    @Test
    void invalidCellsReadAsZeroAndAreCounted() {
        // [NaN, 1] on a 2x1 image: the NaN cell reads 0, the argmax is column 1.
        HeatmapGrid grid = HeatmapGrid.read(new Heatmap(2, 1, List.of(Float.NaN, 1f))).orElseThrow();
        assertEquals(1, grid.invalidCells());
        assertArrayEquals(new int[] {1, 0}, pixel(grid, 2, 1));
        HeatmapGrid negative = HeatmapGrid.read(new Heatmap(2, 1, List.of(-5f, Float.POSITIVE_INFINITY)))
                .orElseThrow();
        assertEquals(2, negative.invalidCells());
        assertEquals(0.0, negative.totalMass());
    }

    @Test
    void malformedShapeIsRejected() {
        assertTrue(HeatmapGrid.read(new Heatmap(2, 2, List.of(1f, 2f, 3f))).isEmpty());
        assertTrue(HeatmapGrid.read(new Heatmap(0, 0, List.of())).isEmpty());
        assertTrue(HeatmapGrid.read(new Heatmap(-1, -1, List.of(1f))).isEmpty());
    }

    @Test
    void agreesWithFullResizeThenArgmaxOnRandomHeatmaps() {
        Random random = new Random(20260101L);
        for (int run = 0; run < 500; run++) {
            int cellsWide = 1 + random.nextInt(run % 10 == 0 ? 25 : 8);
            int cellsHigh = 1 + random.nextInt(run % 10 == 0 ? 25 : 8);
            int width = 1 + random.nextInt(run % 10 == 0 ? 700 : 60);
            int height = 1 + random.nextInt(run % 10 == 0 ? 500 : 60);
            double[] cells = new double[cellsWide * cellsHigh];
            for (int i = 0; i < cells.length; i++) {
                // Some equal cells (plateaus, exact ties) besides continuous values.
                cells[i] = random.nextInt(3) == 0 ? random.nextInt(3) : random.nextDouble();
            }
            int[] expected = ReferenceResize.argmax(
                    ReferenceResize.resize(cells, cellsWide, cellsHigh, width, height), 1e-12);
            assertArrayEquals(expected, pixel(HeatmapGrid.of(cellsWide, cellsHigh, cells), width, height),
                    "run " + run + ": " + cellsWide + "x" + cellsHigh + " -> " + width + "x" + height);
        }
    }
}
