package dev.groundstream.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordNetTest {
  static final WordNet WN = WordNet.shared();

  @Test
  void sensesCoverEveryBaseFormInWordNetOrder() {
    assertEquals(List.of("men", "man"), WN.baseForms("men").stream().filter(f -> f.startsWith("m")).toList());
    List<WordNet.Sense> men = WN.senses("men");
    assertEquals("man", men.get(men.size() - WN.lemmaSenses("man").size()).lemma());
    assertEquals(0, WN.lemmaSenses("dog").get(0).rank());
    assertEquals(List.of(), WN.lemmaSenses("zzxqv"));
    assertEquals(List.of(), WN.senses("zzxqv"));
  }

  @Test
  void anchorsAreCheckedByLemmaAndInstancesAreRecognised() {
    assertTrue(WN.hasLemma(7846, "person"));
    assertFalse(WN.hasLemma(7846, "dog"));
    long dog = WN.offsetOf("dog", 1);
    assertFalse(WN.isInstance(dog));
    assertTrue(WN.hypernymDistances(dog).containsKey(15568L), "a dog is an animal");
    // "Grass" the writer is an instance sense of grass in WordNet 3.1
    assertTrue(WN.lemmaSenses("grass").stream().anyMatch(s -> WN.isInstance(s.offset())));
  }
}
