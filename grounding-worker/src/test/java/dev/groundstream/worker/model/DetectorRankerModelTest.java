package dev.groundstream.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.worker.FakeDetectorExpectations;
import dev.groundstream.worker.TestFixtures;
import dev.groundstream.worker.onnx.OrtSettings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake detector (src/test/python/make_test_models.py) on letterboxed images: exact boxes. */
public class DetectorRankerModelTest {
  static GroundingModel model;

  @BeforeAll
  static void load() throws Exception {
    model = GroundingModels.load(TestFixtures.model("fake-detector"), OrtSettings.cpu());
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  static ScoredBox expectedProposal(int index, int gray) {
    return FakeDetectorExpectations.proposal(index, gray);
  }

  static GroundingInput input(int gray, String... phrases) throws Exception {
    List<PhraseQuery> queries = new java.util.ArrayList<>();
    for (int i = 0; i < phrases.length; i++) {
      queries.add(new PhraseQuery("p" + i, phrases[i], 0, phrases[i].length()));
    }
    return new GroundingInput(model.preprocessor().preprocess(TestFixtures.uniformPng(64, 32, gray)),
        String.join(" ", phrases), queries);
  }

  @Test
  void ranksProposalsPerPhraseByLabelMatchAfterNms() throws Exception {
    List<GroundingOutcome> out = model.ground(List.of(input(100, "a person on the left", "two dogs")));
    List<PhraseGrounding> phrases = ((GroundingOutcome.Grounded) out.get(0)).phrases();

    // person: both person proposals first (the second person box overlaps the first: NMS drops it),
    // then the non-matching dog and car with 1% of their detector score
    assertBoxes(FakeDetectorExpectations.personPhrase(100), phrases.get(0).boxes());
    // "dogs" matches the label "dog"
    assertBoxes(FakeDetectorExpectations.dogPhrase(100), phrases.get(1).boxes());
  }

  @Test
  void aBatchKeepsEachImagesOwnProposals() throws Exception {
    List<GroundingOutcome> out = model.ground(List.of(input(0, "a car"), input(200, "a car")));
    assertBoxes(List.of(expectedProposal(3, 0)),
        ((GroundingOutcome.Grounded) out.get(0)).phrases().get(0).boxes().subList(0, 1));
    assertBoxes(List.of(expectedProposal(3, 200)),
        ((GroundingOutcome.Grounded) out.get(1)).phrases().get(0).boxes().subList(0, 1));
  }

  @Test
  void nanOutputFailsOnlyTheMarkedInput() throws Exception {
    // A white square image fills the whole input: mean 1.0 > 0.9 makes the fake detector emit NaN.
    GroundingInput white = new GroundingInput(model.preprocessor().preprocess(TestFixtures.uniformPng(32, 32, 255)),
        "a dog", List.of(new PhraseQuery("p0", "a dog", 0, 5)));
    List<GroundingOutcome> out = model.ground(List.of(input(50, "a dog"), white, input(60, "a dog")));
    assertInstanceOf(GroundingOutcome.Grounded.class, out.get(0));
    GroundingOutcome.Failed failed = assertInstanceOf(GroundingOutcome.Failed.class, out.get(1));
    assertInstanceOf(NonFiniteOutputException.class, failed.error());
    assertTrue(failed.error().getMessage().contains("NaN"), failed.error().getMessage());
    assertInstanceOf(GroundingOutcome.Grounded.class, out.get(2));
  }

  public static void assertBoxes(List<ScoredBox> expected, List<ScoredBox> actual) {
    assertEquals(expected.size(), actual.size(), () -> "boxes " + actual);
    for (int i = 0; i < expected.size(); i++) {
      ScoredBox e = expected.get(i);
      ScoredBox a = actual.get(i);
      String where = "box " + i + ": expected " + e + " got " + a;
      assertEquals(e.x1(), a.x1(), 1e-3, where);
      assertEquals(e.y1(), a.y1(), 1e-3, where);
      assertEquals(e.x2(), a.x2(), 1e-3, where);
      assertEquals(e.y2(), a.y2(), 1e-3, where);
      assertEquals(e.score(), a.score(), 1e-5, where);
    }
  }
}
