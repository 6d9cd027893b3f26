package dev.groundstream.worker.model.people;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.Proposal;
import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.ranker.PhraseParser;
import dev.groundstream.worker.ranker.SpatialCue;
import dev.groundstream.phrases.WordNet;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Caption mentions, the one-person-per-mention assignment, small-person regions, graded colours, anchors. */
class CaptionPeopleTest {
  private static final PersonChooser CHOOSER = new PersonChooser(0.7f, 0.2f, true, 200);

  static List<PhraseQuery> phrases(String caption, String... texts) {
    List<PhraseQuery> out = new ArrayList<>();
    int from = 0;
    for (String t : texts) {
      int at = caption.indexOf(t, from);
      out.add(new PhraseQuery("p" + out.size(), t, at, at + t.length()));
      from = at + t.length();
    }
    return out;
  }

  @Test
  void aPersonOwnsTheClothingChainedAfterItAndTheClauseSaysWhere() {
    String caption = "A man in a black jacket and blue jeans walks toward a woman with blond hair , "
        + "and a man in black stands on the left while a man turns his head .";
    List<PhraseQuery> q = phrases(caption, "A man", "a black jacket", "blue jeans", "a woman", "blond hair", "a man",
        "a man", "his head");
    CaptionMentions.Result r = CaptionMentions.read(caption, q, new PhraseParser(WordNet.shared(), Set.of("person")),
        CHOOSER);
    assertEquals(4, r.mentions().size());
    CaptionMentions.Mention man = r.mentions().get(0);
    assertEquals(BodyRegion.TOP, man.attributes().get(0).region());
    assertEquals(List.of("black"), man.attributes().get(0).colours());
    assertEquals(BodyRegion.TROUSERS, man.attributes().get(1).region());
    assertEquals(List.of("blue"), man.attributes().get(1).colours());
    assertEquals(List.of(ColourWords.BLOND), r.mentions().get(1).attributes().get(0).colours());
    // "a man in black ... on the left": an implicit black outfit and a position word
    CaptionMentions.Mention inBlack = r.mentions().get(2);
    assertEquals(BodyRegion.OUTFIT, inBlack.attributes().get(0).region());
    assertEquals(-1, inBlack.attributes().get(0).phrase());
    assertEquals(Set.of(SpatialCue.LEFT), inBlack.spatial());
    // owners: attributes to their person, "his head" to the nearest person before it
    assertEquals(0, r.owner().get(1));
    assertEquals(0, r.owner().get(2));
    assertEquals(1, r.owner().get(4));
    assertEquals(3, r.owner().get(7));
  }

  @Test
  void everyMentionGetsItsOwnPersonWithTheLargestJointScore() {
    // mention 0 prefers person 0 a little, mention 1 needs person 0: the joint best swaps mention 0
    float[][] scores = {{0.9f, 0.8f}, {0.85f, 0.1f}};
    assertArrayEquals(new int[] {1, 0}, PersonAssigner.assign(scores, 2));
    // more mentions than people: the extra mention takes its best person
    assertArrayEquals(new int[] {0, 0}, PersonAssigner.assign(new float[][] {{0.9f}, {0.5f}}, 1));
    assertArrayEquals(new int[] {-1}, PersonAssigner.assign(new float[][] {{}}, 0));
  }

  @Test
  void aBlondWomanInBlackIsTheOneWithYellowishHairAndADarkCoat() {
    int w = 400;
    int h = 200;
    FloatBuffer px = PeopleTestKit.filled(w, h, 140, 140, 140);
    // right person (x 280..320, y 50..150): yellowish-brown hair, black coat; left one dark hair, grey coat
    PeopleTestKit.paint(px, w, 290, 50, 310, 66, 150, 120, 70);
    PeopleTestKit.paint(px, w, 281, 62, 319, 118, 15, 15, 15);
    PeopleTestKit.paint(px, w, 90, 50, 110, 66, 30, 25, 25);
    Person left = PeopleTestKit.upright(100, 50, 0.9f);
    Person right = PeopleTestKit.upright(300, 50, 0.6f);
    PersonScene scene = new PersonScene(List.of(left, right), px, w, h, w, h);
    CaptionMentions.Mention woman = new CaptionMentions.Mention(0, List.of(
        new CaptionMentions.Attribute(BodyRegion.HAIR, ColourWords.about(BodyRegion.HAIR, List.of("blond", "hair")),
            false, 1),
        new CaptionMentions.Attribute(BodyRegion.COAT, List.of("black"), false, 2)), Set.of());
    float[][] s = PersonAssigner.scores(scene, List.of(woman), CHOOSER);
    assertTrue(s[0][1] > s[0][0], "the blond, black-coated person wins despite the lower score: "
        + java.util.Arrays.toString(s[0]));
  }

  @Test
  void gradedColoursFitDimFabricAndDenim() {
    // dim red-and-navy fabric (L* ~ 20, a* ~ 15) is still red; denim blue; black is dark
    assertTrue(ColourWords.graded("red", ColourWords.lab(75, 30, 45)) > 0.5f);
    assertEquals(0f, ColourWords.graded("red", ColourWords.lab(40, 40, 40)), 0.05f);
    assertTrue(ColourWords.graded("blue", ColourWords.lab(90, 110, 150)) > 0.5f);
    assertTrue(ColourWords.graded("black", ColourWords.lab(20, 20, 22)) > 0.9f);
    assertEquals(List.of("blue"), ColourWords.about(BodyRegion.TROUSERS, List.of("jeans")));
    assertEquals(List.of("black"), ColourWords.about(BodyRegion.TROUSERS, List.of("black", "jeans")));
  }

  @Test
  void smallPeopleAreBoxedByFractionsOfTheirBox() {
    Person p = PeopleTestKit.upright(100, 50, 0.9f); // box 80..120 x 50..150
    KeypointRegionsTest.assertBox(81.6f, 62, 118, 106, CHOOSER.boxes(p, BodyRegion.TOP, false, 640, 480).get(0));
    KeypointRegionsTest.assertBox(84, 103, 116.8f, 148, CHOOSER.boxes(p, BodyRegion.TROUSERS, false, 640, 480).get(0));
    // hair: 0.15 x height wide around the face keypoints' x (100), the top 0.16 (short hair 0.12)
    KeypointRegionsTest.assertBox(92.5f, 50, 107.5f, 66, CHOOSER.boxes(p, BodyRegion.HAIR, false, 640, 480).get(0));
    KeypointRegionsTest.assertBox(92.5f, 50, 107.5f, 62,
        CHOOSER.boxes(p, BodyRegion.HAIR, false, true, 640, 480).get(0));
    // smallHeight 0 keeps the keypoint spans
    assertEquals(KeypointRegions.of(p, BodyRegion.TOP, false, 640, 480, 0),
        new PersonChooser(0.7f, 0.2f).boxes(p, BodyRegion.TOP, false, 640, 480).get(0));
  }

  @Test
  void posePeopleTakeTheDetectorBoxAndUnmatchedUprightDetectionsJoin() {
    Person posed = PeopleTestKit.upright(100, 50, 0.2f);
    ScoredBox tight = new ScoredBox(82, 49, 119, 149, 0.7f);
    List<Proposal> proposals = List.of(new Proposal(tight, 0, "person"),
        new Proposal(new ScoredBox(300, 50, 330, 140, 0.5f), 0, "person"),
        new Proposal(new ScoredBox(200, 100, 240, 130, 0.6f), 0, "person"), // squat: not a pedestrian
        new Proposal(new ScoredBox(400, 50, 420, 100, 0.9f), 1, "bicycle"));
    List<Person> people = PersonAnchors.anchor(List.of(posed), proposals, 0.3f);
    assertEquals(2, people.size());
    assertEquals(tight, people.get(0).box());
    assertEquals(new ScoredBox(300, 50, 330, 140, 0.5f), people.get(1).box());
    assertTrue(!people.get(1).seen(Keypoint.NOSE));
    assertEquals(1, PersonAnchors.anchor(List.of(posed), proposals, 0).size());
  }
}
