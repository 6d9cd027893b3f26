package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.model.Proposal;
import dev.groundstream.worker.model.ScoredBox;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each signal of the semantic ranker on hand-made proposals in a 1000 x 600 image. */
class SemanticRankerTest {
  static final List<String> LABELS = List.of("person", "bicycle", "car", "truck", "cat", "dog", "horse", "tie",
      "bird", "surfboard");
  static final int W = 1000;
  static final int H = 600;
  static final SemanticRanker RANKER = SemanticRanker.create(LABELS, RankerSettings.DEFAULT, PostprocessSettings.DEFAULT);

  static Proposal p(String label, float score, float x1, float y1, float x2, float y2) {
    return new Proposal(new ScoredBox(x1, y1, x2, y2, score), LABELS.indexOf(label), label);
  }

  static List<ScoredBox> rank(String phrase, Proposal... proposals) {
    return RANKER.rank(new PhraseQuery("p", phrase, 0, phrase.length()), List.of(proposals), W, H);
  }

  static void assertBox(Proposal expected, ScoredBox actual) {
    assertBox(expected.box(), actual);
  }

  static void assertBox(ScoredBox e, ScoredBox a) {
    assertEquals(e.x1(), a.x1(), 1e-3, "x1 of " + a);
    assertEquals(e.y1(), a.y1(), 1e-3, "y1 of " + a);
    assertEquals(e.x2(), a.x2(), 1e-3, "x2 of " + a);
    assertEquals(e.y2(), a.y2(), 1e-3, "y2 of " + a);
  }

  // a confident dog, a weaker person, a car, a truck, a cat
  static final Proposal DOG = p("dog", 0.8f, 600, 300, 800, 550);
  static final Proposal PERSON = p("person", 0.5f, 100, 50, 300, 550);
  static final Proposal CAR = p("car", 0.7f, 350, 200, 550, 320);
  static final Proposal TRUCK = p("truck", 0.4f, 820, 100, 990, 300);
  static final Proposal CAT = p("cat", 0.3f, 380, 420, 480, 560);

  @Test
  void headNounToClassThroughWordNet() {
    for (String phrase : List.of("a man", "a woman", "a young boy", "the girl", "a soccer player")) {
      assertBox(PERSON, rank(phrase, DOG, PERSON, CAR, TRUCK, CAT).get(0));
    }
    assertBox(DOG, rank("a puppy", PERSON, CAR, DOG, CAT).get(0));
    assertBox(TRUCK, rank("a white pickup", CAR, TRUCK, PERSON).get(0));
    assertBox(CAT, rank("a feline", DOG, PERSON, CAT).get(0));
    assertBox(CAR, rank("an automobile", TRUCK, DOG, CAR).get(0));
  }

  @Test
  void theTextEncoderCoversWhatWordNetMisses() {
    assertBox(CAT, rank("a kitten", DOG, PERSON, CAT).get(0));
    SemanticRanker wordNetOnly = SemanticRanker.create(LABELS,
        RankerSettings.DEFAULT.with(true, false, true, true, true, true), PostprocessSettings.DEFAULT);
    ScoredBox top = wordNetOnly.rank(new PhraseQuery("p", "a kitten", 0, 8), List.of(DOG, PERSON, CAT), W, H).get(0);
    assertTrue(top.x1() != CAT.box().x1(), "without the encoder 'a kitten' finds no cat: " + top);
  }

  @Test
  void aMatchingClassBeatsAMoreConfidentOtherClass() {
    List<ScoredBox> ranked = rank("a cat", DOG, CAR, CAT);
    assertBox(CAT, ranked.get(0));
    assertTrue(ranked.get(0).score() > ranked.get(1).score());
  }

  @Test
  void spatialWordsReRankAmongMatches() {
    Proposal leftDog = p("dog", 0.4f, 50, 300, 250, 500);
    Proposal rightDog = p("dog", 0.8f, 700, 300, 900, 500);
    assertBox(rightDog, rank("a dog", leftDog, rightDog).get(0));
    assertBox(leftDog, rank("the dog on the left", leftDog, rightDog).get(0));
    assertBox(rightDog, rank("the dog on the right", leftDog, rightDog).get(0));
    Proposal small = p("person", 0.7f, 450, 100, 500, 200);
    Proposal big = p("person", 0.5f, 100, 100, 400, 600);
    assertBox(small, rank("a person", small, big).get(0));
    assertBox(big, rank("the person in front", small, big).get(0));
    assertBox(small, rank("the person in the background", big, small).get(0));
    Proposal top = p("bird", 0.3f, 400, 0, 500, 100);
    Proposal bottom = p("bird", 0.6f, 400, 480, 500, 580);
    assertBox(top, rank("the bird at the top", top, bottom).get(0));
  }

  @Test
  void countsReturnThatManyBoxesFirstThenTheirEnclosingBox() {
    Proposal a = p("person", 0.9f, 100, 100, 200, 400);
    Proposal b = p("person", 0.8f, 300, 120, 400, 420);
    Proposal c = p("person", 0.3f, 700, 100, 800, 400);
    List<ScoredBox> ranked = rank("two men", c, a, DOG, b);
    assertBox(a, ranked.get(0));
    assertBox(b, ranked.get(1));
    assertBox(new ScoredBox(100, 100, 400, 420, 0), ranked.get(2));
    assertBox(c, ranked.get(3));
  }

  @Test
  void aGroupGetsTheEnclosingBoxOfItsMembersFirst() {
    Proposal a = p("person", 0.9f, 100, 100, 200, 400);
    Proposal b = p("person", 0.8f, 300, 120, 400, 420);
    Proposal c = p("person", 0.6f, 500, 80, 600, 380);
    List<ScoredBox> ranked = rank("a group of people", a, b, c, CAR);
    assertBox(new ScoredBox(100, 80, 600, 420, 0), ranked.get(0));
    assertBox(a, ranked.get(1));
    assertBox(new ScoredBox(100, 80, 600, 420, 0), rank("a crowd", c, b, a).get(0));
  }

  @Test
  void clothingAndBodyPartsWithoutAClassGetARegionOfTheBestPerson() {
    ScoredBox person = PERSON.box(); // 100,50 - 300,550: 200 wide, 500 high
    assertBox(PersonPart.UPPER_BODY.of(person, 0), rank("a red shirt", DOG, PERSON, CAR).get(0));
    assertBox(new ScoredBox(100, 125, 300, 325, 0), rank("a blue jacket", DOG, PERSON).get(0));
    assertBox(PersonPart.LOWER_BODY.of(person, 0), rank("jeans", PERSON, CAR).get(0));
    assertBox(PersonPart.FEET.of(person, 0), rank("shoes", PERSON, CAR).get(0));
    assertBox(PersonPart.HEAD.of(person, 0), rank("her hair", PERSON, CAR).get(0));
    assertBox(PersonPart.HEAD.of(person, 0), rank("a helmet", PERSON).get(0));
    assertBox(PersonPart.HANDS.of(person, 0), rank("his hand", PERSON, DOG).get(0));
    assertBox(PersonPart.FULL_BODY.of(person, 0), rank("a dress", PERSON).get(0));
  }

  @Test
  void aClothingClassTheDetectorKnowsBeatsThePartPrior() {
    Proposal tie = p("tie", 0.3f, 180, 150, 220, 300);
    assertBox(tie, rank("a striped tie", PERSON, tie).get(0));
  }

  @Test
  void partsComeFromTheBestPersonAndFollowSpatialWords() {
    Proposal left = p("person", 0.4f, 50, 50, 250, 550);
    Proposal right = p("person", 0.9f, 700, 50, 900, 550);
    assertBox(PersonPart.UPPER_BODY.of(right.box(), 0), rank("a shirt", left, right).get(0));
    assertBox(PersonPart.UPPER_BODY.of(left.box(), 0), rank("the shirt on the left", left, right).get(0));
  }

  @Test
  void scenePhrasesGetTheWholeImageFirst() {
    ScoredBox whole = new ScoredBox(0, 0, W, H, 0);
    for (String phrase : List.of("the street", "a field", "the beach", "the water", "a blue sky", "a grassy lawn")) {
      assertBox(whole, rank(phrase, CAR, PERSON, DOG).get(0));
    }
    // the whole image is there even with no proposals at all
    assertBox(whole, rank("a city").get(0));
  }

  @Test
  void anUnmatchedPhraseGetsTheClosestOtherClassThenTheWholeImage() {
    Proposal bird = p("bird", 0.3f, 100, 100, 300, 300);
    List<ScoredBox> ranked = rank("a squirrel", CAR, bird);
    assertEquals(3, ranked.size());
    assertBox(bird, ranked.get(0));
    assertBox(new ScoredBox(0, 0, W, H, 0), ranked.get(1));
  }

  @Test
  void rankingIsDeterministicAndIndependentOfProposalOrder() {
    List<Proposal> proposals = new ArrayList<>(List.of(DOG, PERSON, CAR, TRUCK, CAT,
        p("person", 0.5f, 400, 50, 600, 550), p("dog", 0.8f, 10, 10, 90, 90)));
    for (String phrase : List.of("a man", "two dogs", "a red shirt", "the street", "a group of people", "a cat on the left")) {
      List<ScoredBox> first = RANKER.rank(new PhraseQuery("p", phrase, 0, 1), proposals, W, H);
      for (int seed = 0; seed < 5; seed++) {
        List<Proposal> shuffled = new ArrayList<>(proposals);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(first, RANKER.rank(new PhraseQuery("p", phrase, 0, 1), shuffled, W, H), phrase);
      }
      for (int i = 1; i < first.size(); i++) {
        assertTrue(first.get(i).score() <= first.get(i - 1).score(), "scores never increase: " + phrase);
      }
    }
  }

  @Test
  void duplicateBoxesOfTwoClassesAreSuppressed() {
    Proposal car = p("car", 0.6f, 100, 100, 300, 200);
    Proposal truckSameBox = p("truck", 0.5f, 102, 100, 300, 202);
    List<ScoredBox> ranked = rank("a car", car, truckSameBox);
    assertEquals(1, ranked.size());
  }
}
