package dev.groundstream.worker.model.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.ranker.ParsedPhrase;
import dev.groundstream.worker.ranker.SpatialCue;
import java.nio.FloatBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Colour words in CIE Lab, the person chooser (colour, spatial words) and caption context. */
class ColourAndChoiceTest {
  static ParsedPhrase phrase(String head, Set<SpatialCue> spatial, String... words) {
    return new ParsedPhrase(List.of(words), head, OptionalInt.empty(), false, false, spatial);
  }

  @Test
  void labOfWhiteAndRedAreTheStandardValues() {
    float[] white = ColourWords.lab(255, 255, 255);
    assertEquals(100, white[0], 0.05);
    assertEquals(0, white[1], 0.05);
    assertEquals(0, white[2], 0.05);
    float[] red = ColourWords.lab(255, 0, 0);
    assertEquals(53.24, red[0], 0.05);
    assertEquals(80.09, red[1], 0.1);
    assertEquals(67.20, red[2], 0.1);
    assertEquals("red", ColourWords.nearest(ColourWords.lab(190, 40, 35)));
    assertEquals("blue", ColourWords.nearest(ColourWords.lab(40, 60, 170)));
    assertEquals("purple", ColourWords.nearest(ColourWords.lab(110, 40, 140)));
  }

  @Test
  void colourWordsAreNormalised() {
    assertEquals(List.of("grey", "dark"), ColourWords.in(List.of("a", "gray", "dark", "coat")));
    assertEquals(List.of(), ColourWords.in(List.of("a", "striped", "shirt")));
  }

  @Test
  void aRedTopPicksThePersonWhoseTopIsRed() {
    // two people 100 px tall, at x 100 (left) and 300 (right); the right one's top (73..127 x 70.5..108
    // shifted by 200) is red, everything else grey
    int w = 400;
    int h = 200;
    FloatBuffer px = PeopleTestKit.filled(w, h, 128, 128, 128);
    PeopleTestKit.paint(px, w, 273, 70, 327, 108, 200, 30, 30);
    Person left = PeopleTestKit.upright(100, 50, 0.9f);
    Person right = PeopleTestKit.upright(300, 50, 0.6f);
    PersonScene scene = new PersonScene(List.of(left, right), px, w, h, w, h);
    PersonChooser chooser = new PersonChooser(0.7f, 0.2f);
    List<PersonChooser.Choice> red = chooser.choose(scene, BodyRegion.TOP, phrase("top", Set.of(), "a", "red", "top"));
    assertEquals(right, red.get(0).person());
    // region colour fraction of the red top: all sampled pixels red -> score 0.6 x 1 x (0.2 + 1) = 0.72
    assertEquals(0.72f, red.get(0).score(), 1e-3);
    // without a colour word the more confident person comes first
    assertEquals(left, chooser.choose(scene, BodyRegion.TOP, phrase("top", Set.of(), "a", "top")).get(0).person());
    // "on the right": spatial fit among the people
    assertEquals(right, chooser.choose(scene, BodyRegion.TOP,
        phrase("top", EnumSet.of(SpatialCue.RIGHT), "the", "top", "on", "the", "right")).get(0).person());
  }

  @Test
  void personFirstMovesTheMatchingDetectorBoxToTheTop() {
    ScoredBox a = new ScoredBox(0, 0, 40, 100, 0.9f);
    ScoredBox b = new ScoredBox(200, 0, 240, 100, 0.5f);
    List<ScoredBox> out = PeopleRanker.personFirst(List.of(a, b), new ScoredBox(202, 2, 240, 98, 0.4f));
    assertEquals(b.withScore(0.9f), out.get(0));
    assertEquals(a, out.get(1));
    // no box overlaps the person well: unchanged
    assertEquals(List.of(a, b), PeopleRanker.personFirst(List.of(a, b), new ScoredBox(400, 0, 440, 100, 1)));
  }
}
