package dev.groundstream.eval.protocol;

import static dev.groundstream.eval.protocol.Fixtures.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers that follow directly from the protocol definitions stated in the seed papers. */
class PaperProtocolExamplesTest {

    @Test
    void ijcai17AndFlickr30kEntitiesCountIouOfExactlyFiftyPercentAsCorrect() {
        // IJCAI-17: "correct if the overlapping IoU ... is >= 50%"; Flickr30k Entities: "IOU >= 0.5".
        // A box twice as wide as the truth: intersection 100*100, union 200*100 -> IoU exactly 0.5.
        List<PixelBox> truth = List.of(px(100, 100, 200, 200));
        List<PixelBox> ranked = List.of(px(100, 100, 300, 200));
        assertEquals(0.5, BoxGeometry.iou(ranked.get(0), truth.get(0)), 0.0);
        assertTrue(AnyBoxRecall.of(ranked, truth).hitAt(1));
        assertTrue(MergedBoxProtocol.hit(ranked, truth));
    }

    @Test
    void flickr30kEntitiesRecallAtTheProposalCountIsTheUpperBound() {
        // "Since we use 100 proposals per image, reporting Recall@100 gives an upper bound": with 100
        // ranked proposals, hit@100 equals the all-boxes upper bound, whichever rank the good one has.
        List<PixelBox> truth = List.of(px(0, 0, 10, 10));
        for (int goodRank = 0; goodRank < 100; goodRank += 33) {
            List<PixelBox> proposals = new ArrayList<>();
            for (int rank = 0; rank < 100; rank++) {
                proposals.add(rank == goodRank ? px(0, 0, 10, 10) : px(500, 500, 510, 510));
            }
            AnyBoxRecall recall = AnyBoxRecall.of(proposals, truth);
            assertEquals(recall.hitUpperBound(), recall.hitAt(100));
            assertTrue(recall.hitAt(100));
            assertEquals(goodRank == 0, recall.hitAt(1));
        }
    }

    @Test
    void seqGroundRepresentsAMultiBoxPhraseByTheUnionOfItsBoxes() {
        // SeqGROUND: "If multiple boxes are associated with a phrase, we represent the phrase as the union
        // of all its boxes". Two people at [0,0,40,100] and [60,0,100,100]; one box around both,
        // [0,0,100,100], matches the merged truth exactly (IoU 1) but each person only with
        // 4000/10000 = 0.4, so it is correct only under the merged-box protocol.
        List<PixelBox> truth = List.of(px(0, 0, 40, 100), px(60, 0, 100, 100));
        List<PixelBox> ranked = List.of(px(0, 0, 100, 100));
        assertTrue(MergedBoxProtocol.hit(ranked, truth));
        assertFalse(AnyBoxRecall.of(ranked, truth).hitAt(1));
    }

    @Test
    void multiGroundingPointingAccuracyIsHitsOverHitsPlusMisses() {
        // MultiGrounding: accuracy = #hit / (#hit + #miss). Three phrases pointed inside their box, one
        // outside: 3 / (3 + 1) = 0.75.
        List<PixelBox> truth = List.of(px(0, 0, 10, 10));
        PointingLocation[] points = {
            new PointingLocation(5, 5, PointingLocation.Source.MODEL_POINT),
            new PointingLocation(0, 0, PointingLocation.Source.MODEL_POINT),
            new PointingLocation(10, 10, PointingLocation.Source.MODEL_POINT),
            new PointingLocation(11, 5, PointingLocation.Source.MODEL_POINT),
        };
        int hits = 0;
        int misses = 0;
        for (PointingLocation point : points) {
            if (PointingGame.hit(point, truth)) {
                hits++;
            } else {
                misses++;
            }
        }
        assertEquals(0.75, (double) hits / (hits + misses), 0.0);
    }

    @Test
    void multiGroundingCentreBaselinePointsAtTheImageCentre() {
        // MultiGrounding's "Center" baseline points at the image centre; a uniform heatmap cannot express
        // it (its argmax is pixel (0,0)), but a box-only model whose top-1 box is the whole image does:
        // the centre of [0,0,500,375] is (250, 187.5), a hit for a truth box around the middle.
        PhrasePrediction wholeImage = new PhrasePrediction(List.of(px(0, 0, 500, 375)), null, false, null, null);
        PointingLocation centre = PointingLocator.locate(wholeImage, 500, 375).orElseThrow();
        assertEquals(250.0, centre.x(), 0.0);
        assertEquals(187.5, centre.y(), 0.0);
        assertTrue(PointingGame.hit(centre, List.of(px(200, 150, 300, 250))));
        assertFalse(PointingGame.hit(centre, List.of(px(0, 0, 100, 100))));
    }

    @Test
    void amcPointsWithTheCentreOfTheHighestScoringBoxForDetectorModels() {
        // AMC: "retaining one box proposal with highest score ... If the center point of the selected box
        // proposal falls within the target box, this result is counted as positive." Top-1 [40,40,60,80]
        // has centre (50,60): inside the target [45,55,55,65] although the box itself overlaps it with
        // IoU 100/800 = 0.125.
        List<PixelBox> target = List.of(px(45, 55, 55, 65));
        PhrasePrediction prediction = new PhrasePrediction(List.of(px(40, 40, 60, 80)), 0.9f, false, null, null);
        PointingLocation centre = PointingLocator.locate(prediction, 100, 100).orElseThrow();
        assertTrue(PointingGame.hit(centre, target));
        assertEquals(0.125, BoxGeometry.iou(prediction.rankedBoxes().get(0), target.get(0)), 0.0);
    }

    @Test
    void multiGroundingAttentionCorrectnessIsTheHeatmapShareInsideTheTruthBox() {
        // "percentage of the heatmap falling into the ground truth bounding box": a 1x1 (uniform) map over
        // a 500x375 image and a truth box of 100x75 pixels -> 7500 / 187500 = 0.04.
        assertEquals(0.04, AttentionCorrectness.of(HeatmapGrid.of(1, 1, 1.0), 500, 375,
                List.of(px(200, 150, 300, 225))), 1e-12);
    }
}
