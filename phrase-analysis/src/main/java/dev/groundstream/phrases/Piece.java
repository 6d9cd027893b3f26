package dev.groundstream.phrases;

import java.util.List;

/**
 * A run of a tagged caption's tokens, [from, to) of {@code sentence}: a chunk, or a piece of one,
 * on its way to become a mention. The chunking steps only move its ends; the tokens are shared.
 */
record Piece(List<Token> sentence, int from, int to) {

  Piece {
    if (from < 0 || to > sentence.size() || from > to) {
      throw new IllegalArgumentException("bad piece [" + from + "," + to + ") of " + sentence.size() + " tokens");
    }
  }

  List<Token> tokens() {
    return sentence.subList(from, to);
  }

  int size() {
    return to - from;
  }

  boolean isEmpty() {
    return from >= to;
  }

  Token first() {
    return sentence.get(from);
  }

  Token last() {
    return sentence.get(to - 1);
  }

  /** The token right after the piece, or null at the end of the caption. */
  Token after() {
    return to < sentence.size() ? sentence.get(to) : null;
  }

  /** The token two after the piece's end, or null. */
  Token afterNext() {
    return to + 1 < sentence.size() ? sentence.get(to + 1) : null;
  }

  /** Index in {@code sentence} of the head token ({@link HeadFinder#headIndex}). */
  int head() {
    return from + HeadFinder.headIndex(tokens());
  }

  Token headToken() {
    return sentence.get(head());
  }

  Piece from(int newFrom) {
    return new Piece(sentence, newFrom, to);
  }

  Piece to(int newTo) {
    return new Piece(sentence, from, newTo);
  }

  /** True if a noun is among the tokens [from, end) of the sentence. */
  boolean hasNounBefore(int end) {
    for (int i = from; i < end; i++) {
      if (sentence.get(i).isNoun()) {
        return true;
      }
    }
    return false;
  }
}
