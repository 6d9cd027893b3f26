package dev.groundstream.worker.ranker;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the ranker reads from a phrase: its head noun (possibly a two-word compound such as
 * "pickup truck"), the number of referents ("two men" -> 2), whether it is plural, whether it names
 * a group as one thing ("a group of people", "a crowd"), and its spatial words.
 *
 * @param words lower-case words of the whole phrase
 * @param head the head noun as written ("men", "hot dog")
 * @param count an explicit number of referents, if the phrase gives one
 * @param plural the head is plural or a quantifier says several ("some", "several")
 * @param group a collective noun ("group of", "crowd", "team") asks for one box around all members
 * @param spatial spatial words outside the head itself
 */
public record ParsedPhrase(List<String> words, String head, OptionalInt count, boolean plural,
    boolean group, Set<SpatialCue> spatial) {

  /** How many separate boxes the phrase refers to at least (1 unless a count or plural says more). */
  public int referents() {
    return count.orElse(plural ? 2 : 1);
  }
}
