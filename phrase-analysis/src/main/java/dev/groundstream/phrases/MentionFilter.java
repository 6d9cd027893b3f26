package dev.groundstream.phrases;

import java.util.Set;

/**
 * Whether a piece of a caption chunk is a visual mention in the Flickr30k Entities sense: not a
 * pronoun, not a stop-listed head, not a bare position, not a relation before "of".
 */
final class MentionFilter {

  /** Heads that are never a visual region in Flickr30k captions (the paper's own list: background, air). */
  static final Set<String> NON_VISUAL_HEADS = Set.of(
      "background", "foreground", "distance", "air", "mid-air", "midair");

  /**
   * Relational heads ("in front of", "on top of", "the side of") and meta heads ("a picture of a
   * dog": the picture is the photo itself) dropped when the next token is "of". Without "of" they
   * stay: "a black top" is clothing, "a picture" on a wall is an object.
   */
  static final Set<String> HEADS_DROPPED_BEFORE_OF = Set.of(
      "front", "top", "side", "sides", "middle", "edge", "bottom", "center", "centre", "back", "rear",
      "picture", "photo", "photograph", "image", "close-up", "closeup", "view", "shot", "snapshot");

  /**
   * Positions, dropped when they stand alone after at most an article ("in the middle", "in
   * center", "on the side", "in the back"); "his back" (a body part) stays.
   */
  static final Set<String> POSITION_HEADS = Set.of(
      "front", "middle", "center", "centre", "side", "sides", "edge", "bottom", "back", "left", "right",
      "rear");

  /** Pronoun-like words whose chunk alone names nobody specific. */
  static final Set<String> PRONOUN_WORDS = Set.of(
      "something", "someone", "somebody", "anything", "anyone", "anybody", "everything",
      "everyone", "everybody", "nothing", "nobody", "one", "ones", "another", "other", "others",
      "each", "both", "all", "either", "neither", "this", "that", "these", "those", "which", "who",
      "whom", "what", "whatever", "themselves", "himself", "herself", "itself", "yourself");

  private static final Set<String> ARTICLES = Set.of("a", "an", "the");

  private MentionFilter() {}

  /** True if {@code p} names something visible on its own. */
  static boolean isMention(Piece p) {
    boolean content = false;
    boolean onlyPronouns = true;
    for (Token t : p.tokens()) {
      if (t.isFunction()) {
        continue;
      }
      content = true;
      if (!(t.tag().equals("PRP") || PRONOUN_WORDS.contains(t.lower()))) {
        onlyPronouns = false;
      }
    }
    if (!content || onlyPronouns || isReciprocal(p)) {
      return false;
    }
    String head = p.headToken().lower();
    if (NON_VISUAL_HEADS.contains(head)) {
      return false;
    }
    if (POSITION_HEADS.contains(head) && onlyArticleBeforeLast(p)) {
      return false; // "in the middle", "in center", "on the side", "in the back"
    }
    Token next = p.after();
    return !(HEADS_DROPPED_BEFORE_OF.contains(head) && next != null && next.is("of"));
  }

  /** "each other", "one another". */
  private static boolean isReciprocal(Piece p) {
    return p.size() == 2 && ((p.first().is("each") && p.last().is("other"))
        || (p.first().is("one") && p.last().is("another")));
  }

  private static boolean onlyArticleBeforeLast(Piece p) {
    for (int i = p.from(); i < p.to() - 1; i++) {
      if (!ARTICLES.contains(p.sentence().get(i).lower())) {
        return false;
      }
    }
    return true;
  }
}
