package dev.groundstream.phrases;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One token of a tagged caption: the text as written, its lower-case form, its Penn Treebank tag
 * and its exact UTF-16 span [start, end) in the caption. The chunking steps read these instead of
 * parallel arrays of strings and tags.
 */
public record Token(String text, String lower, String tag, int start, int end) {

  /** Tags that carry no content of their own. */
  static final Set<String> FUNCTION_TAGS = Set.of(
      "DT", "PDT", "PRP$", "POS", "CC", "IN", "TO", "CD", "WDT", "WP", "WP$", "EX", "RP", "MD",
      ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "#", "$", "SYM", "LS");

  /** Finite verbs and modals: a chunk that swallowed one ends there. */
  static final Set<String> FINITE_VERB_TAGS = Set.of("VBZ", "VBD", "VBP", "MD");

  public Token {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(tag, "tag");
  }

  /** A token with its lower-case form derived from {@code text}. */
  public static Token of(String text, String tag, int start, int end) {
    return new Token(text, text.toLowerCase(Locale.ROOT), tag, start, end);
  }

  /** The same token re-tagged (a repair step decided the tagger was wrong). */
  public Token withTag(String newTag) {
    return new Token(text, lower, newTag, start, end);
  }

  public boolean isNoun() {
    return tag.startsWith("NN");
  }

  public boolean isVerb() {
    return tag.startsWith("VB");
  }

  /** Punctuation tags start with a non-letter (",", ".", "-LRB-"). */
  public boolean isPunct() {
    return !tag.isEmpty() && !Character.isLetter(tag.charAt(0));
  }

  public boolean isFunction() {
    return FUNCTION_TAGS.contains(tag);
  }

  public boolean isFiniteVerb() {
    return FINITE_VERB_TAGS.contains(tag);
  }

  /** Symbols and emoji the tokenizer left as tokens ("—", "🙂") have no letter or digit. */
  public boolean hasAlnum() {
    return lower.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  public boolean is(String lowerWord) {
    return lower.equals(lowerWord);
  }
}
