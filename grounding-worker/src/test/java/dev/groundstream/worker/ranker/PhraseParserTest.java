package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.phrases.WordNet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhraseParserTest {
  static final PhraseParser PARSER = new PhraseParser(WordNet.shared(), Set.of("hot dog", "person", "dog"));

  @Test
  void headIsTheLastNounOfTheChunkBeforeAPreposition() {
    assertEquals("boy", PARSER.parse("a young boy").head());
    assertEquals("man", PARSER.parse("the man on the left").head());
    assertEquals("dog", PARSER.parse("A black and white dog").head());
    assertEquals("man", PARSER.parse("A man and a woman").head());
    assertEquals("shirt", PARSER.parse("the man's shirt").head());
  }

  @Test
  void compoundsWordNetKnowsButNotAdjectiveNounPairs() {
    assertEquals("pickup truck", PARSER.parse("a white pickup truck").head());
    assertEquals("computer monitor", PARSER.parse("a computer monitor").head());
    // "white horse" is a wave (whitecap) in WordNet: an adjective does not start a compound
    assertEquals("horse", PARSER.parse("a white horse").head());
    // ... unless the compound is a class name
    assertEquals("hot dog", PARSER.parse("a hot dog").head());
  }

  @Test
  void countsAndPlurals() {
    ParsedPhrase twoMen = PARSER.parse("two men");
    assertEquals(OptionalInt.of(2), twoMen.count());
    assertTrue(twoMen.plural());
    assertEquals(2, twoMen.referents());
    assertEquals(OptionalInt.of(5), PARSER.parse("Five horses").count());
    assertTrue(PARSER.parse("dogs").plural());
    assertFalse(PARSER.parse("a dog").plural());
    assertEquals(1, PARSER.parse("a dog").referents());
    ParsedPhrase shoes = PARSER.parse("a pair of shoes");
    assertEquals("shoes", shoes.head());
    assertEquals(OptionalInt.of(2), shoes.count());
  }

  @Test
  void groupsReadAsPersonsWithOneEnclosingBox() {
    ParsedPhrase group = PARSER.parse("a group of people");
    assertEquals("persons", group.head());
    assertTrue(group.group());
    ParsedPhrase crowd = PARSER.parse("a crowd");
    assertEquals("persons", crowd.head());
    assertTrue(crowd.group());
    assertFalse(PARSER.parse("two people").group());
  }

  @Test
  void spatialWordsOutsideTheHead() {
    assertEquals(Set.of(SpatialCue.LEFT), PARSER.parse("the dog on the left").spatial());
    assertEquals(Set.of(SpatialCue.RIGHT), PARSER.parse("the rightmost car").spatial());
    assertEquals(Set.of(SpatialCue.FRONT), PARSER.parse("the man in front").spatial());
    assertEquals(Set.of(SpatialCue.BACK), PARSER.parse("a tree in the background").spatial());
    assertEquals(Set.of(SpatialCue.TOP, SpatialCue.LEFT), PARSER.parse("the top left window").spatial());
    // the head itself is not a spatial word: "his back" is a body part
    assertTrue(PARSER.parse("his back").spatial().isEmpty());
  }
}
