package dev.groundstream.worker.ranker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.groundstream.phrases.WordNet;
import dev.groundstream.worker.model.PhraseQuery;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The head ingest writes into Phrase.head (schema v2) and the fallback for records without one. */
class PhraseParserGivenHeadTest {
  static final PhraseParser PARSER = new PhraseParser(WordNet.shared(), Set.of("hot dog", "person", "dog"));

  @Test
  void aGivenHeadInTheChunkIsUsed() {
    // WordNet's last noun is "shirt"; ingest's tagger said the phrase is about the vest
    assertEquals("vest", PARSER.parse("an orange vest shirt", "vest").head());
    assertEquals("hot dog", PARSER.parse("a hot dog", "dog").head()); // still a detector-label compound
  }

  @Test
  void aGroupOfMenIsAboutMenEitherWay() {
    ParsedPhrase given = PARSER.parse("a group of men", "men");
    ParsedPhrase computed = PARSER.parse("a group of men", "");
    assertEquals(computed, given);
    assertEquals("men", given.head());
    assertTrue(given.group());
    assertTrue(given.plural());
  }

  @Test
  void anEmptyOrForeignHeadFallsBackToComputing() {
    assertEquals(PARSER.parse("the man on the left"), PARSER.parse("the man on the left", ""));
    assertEquals("man", PARSER.parse("the man on the left", "left").head());
    assertEquals("", new PhraseQuery("p0", "a dog", 0, 5).head());
    assertEquals("", new PhraseQuery("p0", "a dog", 0, 5, null).head());
  }
}
