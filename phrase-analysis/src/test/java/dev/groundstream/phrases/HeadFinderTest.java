package dev.groundstream.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadFinderTest {
  static final HeadFinder HEADS = new HeadFinder(WordNet.shared(), Set.of("hot dog"));

  @Test
  void aCollectiveBeforeOfHandsTheHeadOver() {
    HeadFinder.Head men = HEADS.find("a group of men");
    assertEquals("men", men.head());
    assertEquals("group", men.collective());
    assertEquals(List.of("men"), men.chunk());
    assertEquals("shoes", HEADS.find("a pair of shoes").head());
    assertEquals("hill", HEADS.find("the top of the hill").head());
    // not collective: the chunk ends at "of"
    HeadFinder.Head cup = HEADS.find("a cup of coffee");
    assertEquals("cup", cup.head());
    assertEquals("", cup.collective());
  }

  @Test
  void theChunkEndsAtAPrepositionButNotBetweenModifiers() {
    assertEquals("man", HEADS.find("the man on the left").head());
    assertEquals("dog", HEADS.find("A black and white dog").head());
    assertEquals("man", HEADS.find("A man and a woman").head());
    assertEquals("shirt", HEADS.find("the man's shirt").head());
  }

  @Test
  void compoundsFromWordNetOrKnownTermsButNotAfterAnAdjective() {
    assertEquals("pickup truck", HEADS.find("a white pickup truck").head());
    assertEquals("horse", HEADS.find("a white horse").head());
    assertEquals("hot dog", HEADS.find("a hot dog").head());
    assertEquals("dog", new HeadFinder(WordNet.shared(), Set.of()).find("a hot dog").head());
  }

  @Test
  void aGivenHeadInsideTheChunkWinsOtherwiseItIsComputed() {
    assertEquals("man", HEADS.find("the man on the left", "Man").head());
    assertEquals("hot dog", HEADS.find("a hot dog", "dog").head()); // extended to the known compound
    assertEquals("man", HEADS.find("the man on the left", "left").head()); // outside the chunk
    assertEquals("men", HEADS.find("a group of men", "").head());
  }

  @Test
  void noWordsNoHead() {
    assertEquals("", HEADS.find("!!!").head());
    assertEquals(List.of(), HEADS.find(null).words());
  }

  @Test
  void aTaggedChunkTakesItsLastNounElseItsLastContentWord() {
    assertEquals(2, HeadFinder.headIndex(tokens("a/DT red/JJ shirt/NN")));
    assertEquals(1, HeadFinder.headIndex(tokens("the/DT shirt/NN red/JJ")));
    assertEquals(1, HeadFinder.headIndex(tokens("all/DT black/JJ")));
    assertEquals(1, HeadFinder.headIndex(tokens("the/DT ,/,")));
  }

  /** "word/TAG word/TAG" with made-up spans. */
  static List<Token> tokens(String tagged) {
    List<Token> out = new java.util.ArrayList<>();
    int at = 0;
    for (String wt : tagged.split(" ")) {
      int slash = wt.lastIndexOf('/');
      String w = wt.substring(0, slash);
      out.add(Token.of(w, wt.substring(slash + 1), at, at + w.length()));
      at += w.length() + 1;
    }
    return out;
  }
}
