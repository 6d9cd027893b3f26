package dev.groundstream.ingest.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionPhraserTest {

  @Test
  void phrasesCarryTheHeadTheyWereTypedBy() {
    List<Phrase> ps = CaptionPhraser.shared().phrases("A large group of young Men poses beside a red car.");
    assertEquals(List.of("A large group of young Men", "a red car"), ps.stream().map(Phrase::getText).toList());
    assertEquals(List.of("men", "car"), ps.stream().map(Phrase::getHead).toList());
    assertEquals(List.of(List.of(PhraseType.people), List.of(PhraseType.vehicles)),
        ps.stream().map(Phrase::getTypes).toList());
    assertEquals(List.of("p0", "p1"), ps.stream().map(Phrase::getPhraseId).toList());
  }

  @Test
  void aPhraseBuiltWithoutAHeadReadsAsEmpty() {
    Phrase old = Phrase.newBuilder().setPhraseId("p0").setText("a dog").setCharStart(0).setCharEnd(5)
        .setTypes(List.of()).build();
    assertEquals("", old.getHead());
  }
}
