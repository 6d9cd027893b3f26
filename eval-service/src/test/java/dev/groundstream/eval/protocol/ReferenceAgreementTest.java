package dev.groundstream.eval.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.Evaluation;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.PhraseEvaluation;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Agreement with the protocol definitions of docs/architecture.md §5 on 10,000 generated phrases: the expected
 * numbers come from a straightforward re-implementation below, written from the formulas and sharing no
 * code with the production evaluator (it works on float[] corners, not on PixelBox/BoxGeometry).
 */
class ReferenceAgreementTest {

    private static final int PHRASES = 10_000;
    private static final PhraseType[] VISUAL_TYPES = {PhraseType.people, PhraseType.clothing,
            PhraseType.bodyparts, PhraseType.animals, PhraseType.vehicles, PhraseType.instruments,
            PhraseType.scene, PhraseType.other};

    // ---- the independent reference -------------------------------------------------------------

    private static boolean usable(float[] b) {
        for (float v : b) {
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                return false;
            }
        }
        return b[0] <= b[2] && b[1] <= b[3];
    }

    private static double refIou(float[] p, float[] g) {
        if (!usable(p) || !usable(g)) {
            return 0;
        }
        double iw = Math.min((double) p[2], g[2]) - Math.max((double) p[0], g[0]);
        double ih = Math.min((double) p[3], g[3]) - Math.max((double) p[1], g[1]);
        double inter = (iw > 0 ? iw : 0) * (ih > 0 ? ih : 0);
        double areaP = ((double) p[2] - p[0]) * ((double) p[3] - p[1]);
        double areaG = ((double) g[2] - g[0]) * ((double) g[3] - g[1]);
        double union = areaP + areaG - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static double refGiou(float[] p, float[] g) {
        if (!usable(p) || !usable(g)) {
            return -1;
        }
        double iou = refIou(p, g);
        double iw = Math.min((double) p[2], g[2]) - Math.max((double) p[0], g[0]);
        double ih = Math.min((double) p[3], g[3]) - Math.max((double) p[1], g[1]);
        double inter = Math.max(0, iw) * Math.max(0, ih);
        double union = ((double) p[2] - p[0]) * ((double) p[3] - p[1])
                + ((double) g[2] - g[0]) * ((double) g[3] - g[1]) - inter;
        double c = (Math.max((double) p[2], g[2]) - Math.min((double) p[0], g[0]))
                * (Math.max((double) p[3], g[3]) - Math.min((double) p[1], g[1]));
        return c <= 0 ? iou : iou - (c - union) / c;
    }

    /** flickr_eval.py: max over the first k predictions (all when k = -1) and all truth boxes >= 0.5. */
    private static boolean refHit(List<float[]> predicted, List<float[]> truth, int k) {
        int limit = k == -1 ? predicted.size() : Math.min(k, predicted.size());
        double best = 0;
        for (int i = 0; i < limit; i++) {
            for (float[] g : truth) {
                best = Math.max(best, refIou(predicted.get(i), g));
            }
        }
        return best >= 0.5;
    }

    private static boolean refMerged(List<float[]> predicted, List<float[]> truth) {
        if (predicted.isEmpty() || truth.isEmpty()) {
            return false;
        }
        float[] merged = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (float[] g : truth) {
            merged[0] = Math.min(merged[0], g[0]);
            merged[1] = Math.min(merged[1], g[1]);
            merged[2] = Math.max(merged[2], g[2]);
            merged[3] = Math.max(merged[3], g[3]);
        }
        return refIou(predicted.get(0), merged) >= 0.5;
    }

    private static boolean refRefCoco(List<float[]> predicted, List<float[]> truth, boolean giou) {
        if (predicted.isEmpty()) {
            return false;
        }
        for (float[] g : truth) {
            double overlap = giou ? refGiou(predicted.get(0), g) : refIou(predicted.get(0), g);
            if (overlap >= 0.5) {
                return true;
            }
        }
        return false;
    }

    /** Pointing: the model's point if given, else the top-1 box centre; inside a box, bounds inclusive. */
    private static boolean[] refPointing(List<float[]> predicted, float[] point, List<float[]> truth) {
        double x;
        double y;
        if (point != null) {
            if (Float.isNaN(point[0]) || Float.isNaN(point[1])) {
                return new boolean[] {false, false};
            }
            x = point[0];
            y = point[1];
        } else {
            if (predicted.isEmpty() || !usable(predicted.get(0))) {
                return new boolean[] {false, false};
            }
            float[] top = predicted.get(0);
            x = ((double) top[0] + top[2]) / 2;
            y = ((double) top[1] + top[3]) / 2;
        }
        boolean strict = false;
        boolean tolerant = false;
        for (float[] g : truth) {
            strict |= g[0] <= x && x <= g[2] && g[1] <= y && y <= g[3];
            double dx = x < g[0] ? g[0] - x : (x > g[2] ? x - g[2] : 0);
            double dy = y < g[1] ? g[1] - y : (y > g[3] ? y - g[3] : 0);
            tolerant |= dx * dx + dy * dy < 15 * 15;
        }
        return new boolean[] {strict, tolerant};
    }

    // ---- generated data ------------------------------------------------------------------------

    private record Case(PhraseTruth truth, PhraseResult result, List<float[]> truthBoxes,
                        List<float[]> predicted, float[] point, List<PhraseType> types) {
    }

    private static float[] randomBox(Random random, int width, int height) {
        float x1 = random.nextInt(width);
        float y1 = random.nextInt(height);
        float x2 = x1 + random.nextInt(width - (int) x1 + 1);
        float y2 = y1 + random.nextInt(height - (int) y1 + 1);
        if (random.nextInt(4) == 0) { // sub-pixel coordinates
            x2 += random.nextFloat();
            y2 += random.nextFloat();
        }
        return new float[] {x1, y1, x2, y2};
    }

    /** A prediction near a truth box, often right around IoU 0.5, sometimes exactly 0.5 or touching. */
    private static float[] nearBox(Random random, float[] g) {
        float w = g[2] - g[0];
        float h = g[3] - g[1];
        switch (random.nextInt(6)) {
            case 0:
                return new float[] {g[0], g[1], g[0] + 2 * w, g[3]}; // IoU exactly 0.5 for integer boxes
            case 1:
                return new float[] {g[2], g[1], g[2] + w, g[3]}; // touching on the right edge
            case 2:
                return g.clone(); // exact
            default:
                float jitter = Math.max(1f, 0.35f * Math.max(w, h));
                return new float[] {g[0] + (random.nextFloat() - 0.5f) * jitter,
                        g[1] + (random.nextFloat() - 0.5f) * jitter,
                        g[2] + (random.nextFloat() - 0.5f) * jitter + jitter / 2,
                        g[3] + (random.nextFloat() - 0.5f) * jitter + jitter / 2};
        }
    }

    private static Box avroBox(float[] b) {
        return new Box(b[0], b[1], b[2], b[3], null);
    }

    private static Case randomCase(Random random, String id, int width, int height) {
        List<PhraseType> types = new ArrayList<>();
        int typeCount = random.nextInt(10) == 0 ? 2 : (random.nextInt(12) == 0 ? 0 : 1);
        for (int t = 0; t < typeCount; t++) {
            types.add(VISUAL_TYPES[random.nextInt(VISUAL_TYPES.length)]);
        }
        if (random.nextInt(20) == 0) {
            types.add(PhraseType.notvisual);
        }
        List<float[]> truthBoxes = new ArrayList<>();
        int truthCount = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(random.nextInt(4) == 0 ? 4 : 1);
        for (int g = 0; g < truthCount; g++) {
            truthBoxes.add(random.nextInt(15) == 0 && !truthBoxes.isEmpty()
                    ? truthBoxes.get(0).clone() // duplicate truth box
                    : randomBox(random, width, height));
        }
        List<float[]> predicted = new ArrayList<>();
        int predictedCount = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(15);
        for (int p = 0; p < predictedCount; p++) {
            float[] box = !truthBoxes.isEmpty() && random.nextInt(3) == 0
                    ? nearBox(random, truthBoxes.get(random.nextInt(truthBoxes.size())))
                    : randomBox(random, width, height);
            if (random.nextInt(100) == 0) {
                box[random.nextInt(4)] = Float.NaN;
            }
            predicted.add(box);
        }
        float[] point = null;
        if (random.nextInt(8) == 0) {
            point = new float[] {random.nextInt(width + 1), random.nextInt(height + 1)};
            if (random.nextInt(20) == 0) {
                point[0] = Float.NaN;
            }
        }
        List<Box> truthAvro = new ArrayList<>();
        truthBoxes.forEach(b -> truthAvro.add(avroBox(b)));
        PhraseTruth truth = Fixtures.truth(id, types, truthAvro.toArray(new Box[0]));
        PhraseResult result = null;
        if (random.nextInt(25) != 0) { // sometimes the result lacks the phrase
            List<Box> predictedAvro = new ArrayList<>();
            predicted.forEach(b -> predictedAvro.add(avroBox(b)));
            result = Fixtures.result(id, predictedAvro.toArray(new Box[0]));
            if (point != null) {
                Fixtures.withPoint(result, point[0], point[1]);
            }
        } else {
            predicted = List.of();
            point = null;
        }
        return new Case(truth, result, truthBoxes, predicted, point, types);
    }

    @Test
    void evaluatorAgreesWithTheReferenceOnTenThousandPhrases() {
        Random random = new Random(30_000_017L);
        CategoryAccumulator accumulator = new CategoryAccumulator();
        Map<String, long[]> expectedCounts = new TreeMap<>(); // evaluable, R@1, R@5, R@10, UB, merged, pointing
        int phrases = 0;
        int request = 0;
        int evaluablePhrases = 0;
        while (phrases < PHRASES) {
            int width = 1 + random.nextInt(640);
            int height = 1 + random.nextInt(480);
            int count = Math.min(1 + random.nextInt(6), PHRASES - phrases);
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                cases.add(randomCase(random, "p" + i, width, height));
            }
            UUID requestId = new UUID(0L, request++);
            GroundingResult result = Fixtures.groundingResult(requestId, "1", width, height,
                    cases.stream().map(Case::result).filter(r -> r != null).toArray(PhraseResult[]::new));
            GroundTruth truth = Fixtures.groundTruth(requestId, width, height,
                    cases.stream().map(Case::truth).toArray(PhraseTruth[]::new));
            Evaluation evaluation = ResultEvaluator.evaluate(result, truth, Fixtures.EVALUATED).evaluation();
            accumulator.add(evaluation);

            for (int i = 0; i < count; i++) {
                Case c = cases.get(i);
                PhraseEvaluation actual = evaluation.getPhrases().get(i);
                String where = "request " + request + " phrase " + i;
                boolean evaluable = !c.truthBoxes().isEmpty() && !c.types().contains(PhraseType.notvisual);
                assertEquals(evaluable, actual.getEvaluable(), where);
                if (!evaluable) {
                    continue;
                }
                evaluablePhrases++;
                boolean[] expected = {
                    refHit(c.predicted(), c.truthBoxes(), 1),
                    refHit(c.predicted(), c.truthBoxes(), 5),
                    refHit(c.predicted(), c.truthBoxes(), 10),
                    refHit(c.predicted(), c.truthBoxes(), -1),
                    refMerged(c.predicted(), c.truthBoxes()),
                    refPointing(c.predicted(), c.point(), c.truthBoxes())[0],
                };
                assertEquals(expected[0], actual.getHitAt1(), where + " R@1");
                assertEquals(expected[1], actual.getHitAt5(), where + " R@5");
                assertEquals(expected[2], actual.getHitAt10(), where + " R@10");
                assertEquals(expected[3], actual.getHitUpperBound(), where + " upper bound");
                assertEquals(expected[4], actual.getMergedBoxHit(), where + " merged");
                assertEquals(expected[5], actual.getPointingHit(), where + " pointing");
                assertEquals(refPointing(c.predicted(), c.point(), c.truthBoxes())[1],
                        actual.getPointingHitTolerant(), where + " pointing tolerant");
                assertEquals(refRefCoco(c.predicted(), c.truthBoxes(), false), actual.getPrecisionAt1Iou(),
                        where + " P@1 IoU");
                assertEquals(refRefCoco(c.predicted(), c.truthBoxes(), true), actual.getPrecisionAt1Giou(),
                        where + " P@1 GIoU");
                double bestTop1 = 0;
                if (!c.predicted().isEmpty()) {
                    for (float[] g : c.truthBoxes()) {
                        bestTop1 = Math.max(bestTop1, refIou(c.predicted().get(0), g));
                    }
                }
                assertEquals((float) bestTop1, actual.getBestIou(), where + " best IoU");

                Set<String> categories = new LinkedHashSet<>();
                categories.add("all");
                c.types().forEach(type -> categories.add(type.name()));
                for (String category : categories) {
                    long[] counts = expectedCounts.computeIfAbsent(category, name -> new long[7]);
                    counts[0]++;
                    for (int m = 0; m < expected.length; m++) {
                        counts[m + 1] += expected[m] ? 1 : 0;
                    }
                }
            }
            phrases += count;
        }

        // Aggregates: per category, counts and R@1/5/10, upper bound, merged-box and pointing accuracy.
        for (Map.Entry<String, long[]> entry : expectedCounts.entrySet()) {
            CategoryCounts actual = accumulator.category(entry.getKey());
            long[] counts = entry.getValue();
            String category = entry.getKey();
            assertEquals(counts[0], actual.evaluablePhrases(), category);
            assertEquals(counts[1], actual.hits(HitMetric.RECALL_AT_1), category + " R@1");
            assertEquals(counts[2], actual.hits(HitMetric.RECALL_AT_5), category + " R@5");
            assertEquals(counts[3], actual.hits(HitMetric.RECALL_AT_10), category + " R@10");
            assertEquals(counts[4], actual.hits(HitMetric.RECALL_UPPER_BOUND), category + " upper bound");
            assertEquals(counts[5], actual.hits(HitMetric.MERGED_BOX), category + " merged");
            assertEquals(counts[6], actual.hits(HitMetric.POINTING), category + " pointing");
            assertEquals((double) counts[1] / counts[0], actual.recallAt1(), 0.0, category);
            assertEquals((double) counts[6] / counts[0], actual.pointingAccuracy(), 0.0, category);
        }
        assertEquals(expectedCounts.keySet(), accumulator.categories().keySet());
        // The generator must exercise the protocols, not just produce misses.
        long[] all = expectedCounts.get("all");
        assertEquals(evaluablePhrases, all[0]);
        System.out.println("reference agreement, all: " + Arrays.toString(all));
        assertTrue(all[0] > 6_000 && all[1] > 500 && all[4] > all[1] && all[5] > 300 && all[6] > 500,
                "generator too weak: " + Arrays.toString(all));
    }
}
