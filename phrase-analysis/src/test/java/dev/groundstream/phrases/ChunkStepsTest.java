package dev.groundstream.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chunking steps on hand-tagged token runs, one rule at a time (no tagger involved). */
class ChunkStepsTest {

  static List<Token> sentence(String tagged) {
    return new ArrayList<>(HeadFinderTest.tokens(tagged));
  }

  static List<String> texts(List<Piece> pieces) {
    return pieces.stream().map(p -> String.join(" ", p.tokens().stream().map(Token::text).toList())).toList();
  }

  @Test
  void anOrphanDeterminerAdoptsTheVerbTaggedNounAfterIt() {
    List<Token> s = sentence("horses/NNS pull/VBP a/DT sled/VBN across/IN the/DT snow/NN");
    Piece p = ChunkSteps.adoptVerbAsNoun(new Piece(s, 2, 3));
    assertEquals(List.of("a sled"), texts(List.of(p)));
    assertEquals("NN", s.get(3).tag(), "re-tagged for the steps that follow");
    // followed by a noun it is no clause end: unchanged
    List<Token> t = sentence("a/DT running/VBG man/NN");
    assertEquals(1, ChunkSteps.adoptVerbAsNoun(new Piece(t, 0, 1)).size());
  }

  @Test
  void aNounAfterANounBeforeADeterminerIsTheVerb() {
    List<Token> s = sentence("A/DT surfer/NN rides/NNS a/DT wave/NN");
    assertEquals(List.of("A surfer"), texts(List.of(ChunkSteps.cutVerbTail(new Piece(s, 0, 3)))));
    List<Token> t = sentence("A/DT surfer/NN rides/NNS");
    assertEquals(3, ChunkSteps.cutVerbTail(new Piece(t, 0, 3)).size());
  }

  @Test
  void splitsAtGerundsCoordinationsPossessivesAndSceneAdverbs() {
    assertEquals(List.of("a street", "flags"),
        texts(ChunkSteps.split(whole("a/DT street/NN waving/VBG flags/NNS"))));
    assertEquals(List.of("gauges", "glasses"), texts(ChunkSteps.split(whole("gauges/NNS and/CC glasses/NNS"))));
    assertEquals(List.of("black and white dog"), texts(ChunkSteps.split(whole("black/JJ and/CC white/JJ dog/NN"))));
    assertEquals(List.of("A man", "hand"), texts(ChunkSteps.split(whole("A/DT man/NN 's/POS hand/NN"))));
    assertEquals(List.of("outside", "a house"), texts(ChunkSteps.split(whole("outside/IN a/DT house/NN"))));
    assertEquals(List.of("a dog"), texts(ChunkSteps.split(whole("a/DT dog/NN speaks/VBZ"))));
  }

  @Test
  void trimDropsPunctuationConjunctionsAndSymbols() {
    assertEquals(List.of("a dog"), texts(List.of(ChunkSteps.trim(whole(",/, a/DT dog/NN —/:")))));
    assertEquals(0, ChunkSteps.trim(whole("and/CC")).size());
  }

  @Test
  void collectiveOfMergesIntoOneMentionWithTheSecondHead() {
    List<Token> s = sentence("A/DT group/NN of/IN young/JJ men/NNS");
    List<ChunkSteps.Mention> ms = ChunkSteps.mentions(List.of(new Piece(s, 0, 2), new Piece(s, 3, 5)));
    assertEquals(1, ms.size());
    assertEquals(0, ms.get(0).span().from());
    assertEquals(5, ms.get(0).span().to());
    assertEquals("men", s.get(ms.get(0).head()).text());
    // a portion stays apart (Flickr30k drops "the side of")
    List<Token> t = sentence("the/DT side/NN of/IN the/DT road/NN");
    List<ChunkSteps.Mention> ts = ChunkSteps.mentions(List.of(new Piece(t, 0, 2), new Piece(t, 3, 5)));
    assertEquals(List.of("the road"), texts(ts.stream().map(ChunkSteps.Mention::span).toList()));
  }

  @Test
  void theFilterDropsPronounsPositionsAndNonVisualHeads() {
    assertEquals(false, MentionFilter.isMention(whole("He/PRP")));
    assertEquals(false, MentionFilter.isMention(whole("each/DT other/JJ")));
    assertEquals(false, MentionFilter.isMention(whole("the/DT air/NN")));
    assertEquals(false, MentionFilter.isMention(whole("the/DT middle/NN")));
    assertEquals(true, MentionFilter.isMention(whole("his/PRP$ back/NN")));
    assertEquals(true, MentionFilter.isMention(whole("a/DT black/JJ top/NN")));
    List<Token> s = sentence("on/IN top/NN of/IN a/DT car/NN");
    assertEquals(false, MentionFilter.isMention(new Piece(s, 1, 2)));
  }

  private static Piece whole(String tagged) {
    List<Token> s = sentence(tagged);
    return new Piece(s, 0, s.size());
  }
}
