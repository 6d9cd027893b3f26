package dev.groundstream.worker.model.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.model.ScoredBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Region boxes of the hand-made person of {@link PeopleTestKit#upright} (cx 100, top 50), computed by hand. */
class KeypointRegionsTest {
  static final Person P = PeopleTestKit.upright(100, 50, 0.9f);
  static final float EPS = 1e-3f;

  static void assertBox(float x1, float y1, float x2, float y2, ScoredBox b) {
    assertEquals(x1, b.x1(), EPS, "x1 of " + b);
    assertEquals(y1, b.y1(), EPS, "y1 of " + b);
    assertEquals(x2, b.x2(), EPS, "x2 of " + b);
    assertEquals(y2, b.y2(), EPS, "y2 of " + b);
  }

  @Test
  void headIsCentredOnTheFaceKeypoints() {
    // face points: x 100,96,104,92,108 -> mean 100, span 16; y 60,58,58,59,59 -> mean 58.8
    // width = max(1.6*16, 0.55*30) = 25.6; height 33.28; y1 = 58.8 - 0.55*33.28 = 40.496
    assertBox(87.2f, 40.496f, 112.8f, 73.776f, KeypointRegions.of(P, BodyRegion.HEAD, false, 640, 480, 1));
  }

  @Test
  void topRunsFromTheShouldersToTheHips() {
    // top y 75, bottom y 105, x over shoulders/elbows/hips 82..118 (w 36, cx 100);
    // half = 18 * 1.5 = 27; y1 = 75 - 0.15*30 = 70.5; y2 = 105 + 0.1*30 = 108
    assertBox(73, 70.5f, 127, 108, KeypointRegions.of(P, BodyRegion.TOP, false, 640, 480, 1));
  }

  @Test
  void trousersRunFromTheHipsToTheAnkles() {
    // y 105..145, x 90..110 (w 20 -> max(20, 0.25*40)=20), half = 10*1.5 = 15; pads 0.05*40=2, 0.06*40=2.4
    assertBox(85, 103, 115, 147.4f, KeypointRegions.of(P, BodyRegion.TROUSERS, false, 640, 480, 1));
  }

  @Test
  void dressRunsFromTheShouldersToTheKnees() {
    // y 75..125 (h 50), x 85..115 (w 30), half = 15*1.4 = 21; y1 = 75-4 = 71; y2 = 125+5 = 130
    assertBox(79, 71, 121, 130, KeypointRegions.of(P, BodyRegion.DRESS, false, 640, 480, 1));
  }

  @Test
  void shoesAreOneBoxPerAnkleThenBoth() {
    // person height 100: a shoe is ankle x -/+7, y -5 .. +6; ankles (90,145) and (110,145)
    List<ScoredBox> feet = KeypointRegions.boxes(P, BodyRegion.FEET, false, 640, 480, 1);
    assertEquals(3, feet.size());
    assertBox(83, 140, 97, 151, feet.get(0));
    assertBox(103, 140, 117, 151, feet.get(1));
    assertBox(83, 140, 117, 151, feet.get(2));
    // boots reach 13% of the height up the shin
    assertBox(83, 132, 97, 151, KeypointRegions.boxes(P, BodyRegion.FEET, true, 640, 480, 1).get(0));
  }

  @Test
  void hatSitsOnTopOfTheHead() {
    // head 87.2..112.8 x 40.496..73.776 (h 33.28): hat y1 = 40.496 - 3.328, y2 = 40.496 + 16.64
    assertBox(87.2f, 37.168f, 112.8f, 57.136f, KeypointRegions.of(P, BodyRegion.HAT, false, 640, 480, 1));
  }

  @Test
  void missingKeypointsFallBackToThePersonBoxAndBoxesStayInsideTheImage() {
    float[] none = new float[17];
    Person blind = new Person(P.box(), P.x(), P.y(), none);
    // no face keypoints: PersonPart.HEAD of box 80..120 x 50..150 = (88, 50, 112, 70)
    assertBox(88, 50, 112, 70, KeypointRegions.of(blind, BodyRegion.HEAD, false, 640, 480, 1));
    // a person at the image corner: every box clipped, none NaN or empty
    Person corner = PeopleTestKit.upright(5, -30, 0.9f);
    for (BodyRegion r : BodyRegion.values()) {
      for (ScoredBox b : KeypointRegions.boxes(corner, r, true, 60, 60, 1)) {
        assertTrue(b.x1() >= 0 && b.y1() >= 0 && b.x2() <= 60 && b.y2() <= 60 && b.x2() - b.x1() >= 1
            && b.y2() - b.y1() >= 1, r + " " + b);
      }
    }
  }
}
