package dev.groundstream.worker.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The simple scorer: a proposal whose class label is a word of the phrase (plural "s"/"es"
 * tolerated: "dogs" matches "dog") keeps its detector score; any other proposal gets the detector
 * score times {@link #NON_MATCH_WEIGHT}, so it stays rankable but below every match with a detector
 * score above 1%.
 */
public final class LabelMatchScorer implements PhraseProposalScorer {
  public static final float NON_MATCH_WEIGHT = 0.01f;
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  @Override
  public float score(PhraseQuery phrase, Proposal proposal) {
    float detector = proposal.box().score();
    return matches(phrase.text(), proposal.label()) ? detector : detector * NON_MATCH_WEIGHT;
  }

  static boolean matches(String phrase, String label) {
    Set<String> words = new HashSet<>(Arrays.asList(NON_WORD.split(phrase.toLowerCase(Locale.ROOT).trim())));
    String l = label.toLowerCase(Locale.ROOT).trim();
    if (l.contains(" ")) {
      return (" " + String.join(" ", NON_WORD.split(phrase.toLowerCase(Locale.ROOT))) + " ").contains(" " + l + " ");
    }
    return words.contains(l) || words.contains(l + "s") || words.contains(l + "es");
  }
}
