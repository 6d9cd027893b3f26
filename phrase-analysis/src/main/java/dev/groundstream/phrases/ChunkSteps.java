package dev.groundstream.phrases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The repairs and splits {@link NounPhraseExtractor} applies to each NP chunk of the OpenNLP
 * chunker, as named steps over {@link Piece}s of a tagged caption (rules and examples in the
 * extractor's class comment). {@code sentence} lists are mutable only for {@link #adoptVerbAsNoun},
 * which re-tags the word it takes.
 */
final class ChunkSteps {

  private static final Set<String> SCENE_ADVERBS = Set.of("outside", "outdoors", "indoors", "inside");

  private ChunkSteps() {}

  /**
   * Orphan determiner: a lone determiner before a verb-tagged word that ends the clause takes that
   * word as its noun ("pulls a/DT sled/VBN across" -> "a sled", the sled re-tagged NN).
   */
  static Piece adoptVerbAsNoun(Piece chunk) {
    Token next = chunk.after();
    if (chunk.size() != 1 || !chunk.first().tag().equals("DT") || next == null || !next.isVerb()) {
      return chunk;
    }
    Token then = chunk.afterNext();
    if (then == null || then.isPunct() || then.tag().equals("IN") || then.tag().equals("TO")
        || then.tag().equals("CC")) {
      chunk.sentence().set(chunk.to(), next.withTag("NN"));
      return chunk.to(chunk.to() + 1);
    }
    return chunk;
  }

  /**
   * Verb tail: a noun after a noun that ends the chunk right before a determiner is the sentence's
   * verb ("A surfer rides/NNS a wave" -> "A surfer").
   */
  static Piece cutVerbTail(Piece chunk) {
    Token next = chunk.after();
    if (chunk.size() >= 2 && next != null && chunk.last().isNoun()
        && chunk.sentence().get(chunk.to() - 2).isNoun()
        && (next.tag().equals("DT") || next.tag().equals("PRP$"))) {
      return chunk.to(chunk.to() - 1);
    }
    return chunk;
  }

  /** The pieces of a (repaired) chunk, in order: {@link #trim} it, then split it where a rule says. */
  static List<Piece> split(Piece chunk) {
    List<Piece> out = new ArrayList<>();
    Piece rest = trim(chunk);
    while (!rest.isEmpty()) {
      if (rest.size() > 1 && SCENE_ADVERBS.contains(rest.first().lower())) {
        out.add(rest.to(rest.from() + 1)); // "outside a house": the scene is its own phrase
        rest = trim(rest.from(rest.from() + 1));
        continue;
      }
      int at = splitPoint(rest);
      if (at < 0) {
        out.add(rest);
        break;
      }
      out.add(rest.to(at));
      rest = trim(rest.from(resumeAfter(rest, at)));
    }
    return out;
  }

  /**
   * Possessive markers, punctuation, conjunctions, finite verbs and symbol-only tokens never start
   * or end a phrase.
   */
  static Piece trim(Piece p) {
    int s = p.from();
    int e = p.to();
    while (s < e && trimmed(p.sentence().get(s))) {
      s++;
    }
    while (e > s && trimmed(p.sentence().get(e - 1))) {
      e--;
    }
    return new Piece(p.sentence(), s, e);
  }

  /**
   * Where the first split rule applies inside {@code p}, or -1: a gerund after a noun ("a street
   * waving flags"), a coordination between nouns ("gauges and glasses"; "black and white dog" stays
   * whole because "black" is no noun), a finite verb the chunker swallowed, a possessive "'s".
   */
  static int splitPoint(Piece p) {
    List<Token> s = p.sentence();
    for (int i = p.from() + 1; i < p.to(); i++) {
      Token t = s.get(i);
      boolean afterNoun = s.get(i - 1).isNoun();
      if (afterNoun && t.tag().equals("VBG")) {
        return i;
      }
      if (afterNoun && (t.tag().equals("CC") || t.tag().equals(",")) && p.from(i + 1).hasNounBefore(p.to())) {
        return i;
      }
      if (t.isFiniteVerb() || t.tag().equals("POS")) {
        return i;
      }
    }
    return -1;
  }

  /** Where the next piece starts after a split at {@code at}: past the gerund's verbs and particles. */
  private static int resumeAfter(Piece p, int at) {
    if (!p.sentence().get(at).tag().equals("VBG")) {
      return at + 1;
    }
    int j = at;
    while (j < p.to() && (p.sentence().get(j).isVerb() || p.sentence().get(j).tag().equals("RP"))) {
      j++;
    }
    return j;
  }

  /** A mention: its tokens and the sentence index of its head token. */
  record Mention(Piece span, int head) {}

  /**
   * The mentions among the pieces (in caption order): "NP of NP" merged when the first head is a
   * collective noun that makes one mention ({@link CollectiveNouns#mergesMention}: "a group of
   * people", "a pile of oranges") and is the piece's only noun; the merged head is the second
   * piece's ("people"). Other pieces stay when {@link MentionFilter#isMention} keeps them.
   */
  static List<Mention> mentions(List<Piece> pieces) {
    List<Mention> out = new ArrayList<>();
    for (int k = 0; k < pieces.size(); k++) {
      Piece p = pieces.get(k);
      int head = p.head();
      Piece next = k + 1 < pieces.size() ? pieces.get(k + 1) : null;
      if (CollectiveNouns.mergesMention(p.sentence().get(head).lower()) && !p.hasNounBefore(head)
          && next != null && p.after() != null && p.after().is("of") && next.from() == p.to() + 1
          && MentionFilter.isMention(next)) {
        out.add(new Mention(p.to(next.to()), next.head()));
        k++;
      } else if (MentionFilter.isMention(p)) {
        out.add(new Mention(p, head));
      }
    }
    return out;
  }

  private static boolean trimmed(Token t) {
    return t.tag().equals("POS") || t.tag().equals("CC") || t.isPunct() || t.isFiniteVerb() || !t.hasAlnum();
  }
}
