package dev.groundstream.phrases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one head finder of ingest and worker. For a plain phrase ("a young boy", "two dogs", "the man
 * on the left", "a group of men"): a collective noun before "of" ({@link CollectiveNouns}) hands the
 * phrase over to what follows; the noun chunk then ends at the first preposition, conjunction or
 * relative word; its head is the last word WordNet knows as a noun, or a two-word compound WordNet
 * knows ("computer monitor", "pickup truck"; not after an adjective, since "white horse" is a wave in
 * WordNet, unless the compound is a known term such as the class name "hot dog"). For tagged tokens
 * of a caption chunk ({@link #headIndex}): the last noun.
 */
public final class HeadFinder {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");
  private static final Set<String> CHUNK_END = Set.of("in", "on", "at", "with", "of", "from", "by", "near",
      "behind", "under", "over", "into", "onto", "beside", "next", "while", "who", "that", "which", "wearing",
      "holding", "and", "or", "for", "to", "against", "around", "across", "through", "between", "inside",
      "outside", "along", "during", "underneath", "atop", "among", "like");
  /** Determiners, possessives and quantifiers: never a head. */
  public static final Set<String> SKIP_WORDS = Set.of("a", "an", "the", "his", "her", "its", "their", "my",
      "your", "our", "this", "that", "these", "those", "some", "several", "many", "few", "another", "other",
      "each", "every", "all", "both", "multiple", "various", "one", "s");
  /** Number words and the count they give ("a pair", "twins": 2). */
  public static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("both", 2), Map.entry("pair", 2),
      Map.entry("couple", 2), Map.entry("twin", 2), Map.entry("twins", 2));

  /**
   * The reading of a plain phrase.
   *
   * @param words lower-case words of the whole phrase ("'s" cut off)
   * @param chunkStart first word of the noun chunk (after "X of" when X is collective)
   * @param chunkEnd end of the noun chunk, exclusive
   * @param head the head noun as written (lower case), possibly a two-word compound; "" for no words
   * @param collective the collective noun before "of" that handed the phrase over, or ""
   */
  public record Head(List<String> words, int chunkStart, int chunkEnd, String head, String collective) {
    public List<String> chunk() {
      return words.subList(chunkStart, chunkEnd);
    }
  }

  private final WordNet wordNet;
  private final Set<String> knownTerms;

  /** {@code knownTerms}: words and compounds taken as nouns whatever WordNet says (detector labels). */
  public HeadFinder(WordNet wordNet, Set<String> knownTerms) {
    this.wordNet = wordNet;
    this.knownTerms = Set.copyOf(knownTerms);
  }

  /** The head of a plain phrase. */
  public Head find(String text) {
    return find(text, "");
  }

  /**
   * The head of a plain phrase when a producer already named it ({@code given}, e.g. the head ingest
   * wrote into the request): used when it is a word of the noun chunk, extended to a known compound
   * with the word before it; otherwise (blank, or not in the chunk: a record written before heads
   * were sent) the head is computed.
   */
  public Head find(String text, String given) {
    List<String> words = words(text);
    int start = 0;
    String collective = "";
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i + 1).equals("of") && CollectiveNouns.passesHead(words.get(i))) {
        collective = words.get(i);
        start = i + 2;
        break;
      }
    }
    int end = words.size();
    for (int i = start + 1; i < words.size(); i++) {
      if (CHUNK_END.contains(words.get(i)) && !joinsAdjectives(words, i)) {
        end = i;
        break;
      }
    }
    List<String> chunk = words.subList(Math.min(start, end), end);
    String head = givenHead(chunk, given == null ? "" : given.toLowerCase(Locale.ROOT));
    return new Head(List.copyOf(words), Math.min(start, end), end, head != null ? head : head(chunk), collective);
  }

  /** Lower-case words of {@code text}, a trailing possessive "'s" cut off. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
    while (m.find()) {
      String w = m.group();
      out.add(w.endsWith("'s") ? w.substring(0, w.length() - 2) : w);
    }
    return out;
  }

  /** Head token of a tagged chunk: the last noun; else the last content token; else the last token. */
  public static int headIndex(List<Token> tokens) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).isNoun()) {
        return i;
      }
    }
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).isFunction()) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  private String givenHead(List<String> chunk, String given) {
    int at = given.isBlank() ? -1 : chunk.lastIndexOf(given);
    if (at < 0) {
      return null;
    }
    return at > 0 && isCompound(chunk.get(at - 1), given) ? chunk.get(at - 1) + " " + given : given;
  }

  private String head(List<String> chunk) {
    for (int i = chunk.size() - 1; i >= 0; i--) {
      String w = chunk.get(i);
      if (SKIP_WORDS.contains(w) || NUMBER_WORDS.containsKey(w) || w.matches("\\d+")) {
        continue;
      }
      if (i > 0 && isCompound(chunk.get(i - 1), w)) {
        return chunk.get(i - 1) + " " + w;
      }
      if (knownTerms.contains(w) || wordNet.isNoun(w)) {
        return w;
      }
    }
    return chunk.isEmpty() ? "" : chunk.get(chunk.size() - 1);
  }

  /** "and"/"or" between modifiers ("a black and white dog") does not end the chunk; before a determiner it does. */
  private static boolean joinsAdjectives(List<String> words, int i) {
    String w = words.get(i);
    if (!w.equals("and") && !w.equals("or")) {
      return false;
    }
    return i + 1 < words.size() && !SKIP_WORDS.contains(words.get(i + 1))
        && !NUMBER_WORDS.containsKey(words.get(i + 1));
  }

  private boolean isCompound(String first, String second) {
    if (SKIP_WORDS.contains(first) || NUMBER_WORDS.containsKey(first)) {
      return false;
    }
    for (String base : wordNet.baseForms(second)) {
      String compound = first + " " + base;
      if (knownTerms.contains(compound) || (wordNet.isExactNoun(compound) && !wordNet.isAdjective(first))) {
        return true;
      }
    }
    return false;
  }
}
