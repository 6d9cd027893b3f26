package dev.groundstream.worker.ranker;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule-based reading of a short noun phrase (Flickr30k Entities phrases are mostly "a young boy",
 * "two dogs", "his hand", "a group of people", "the man on the left"): the noun chunk ends at the
 * first preposition, conjunction or relative word; its head is the last word WordNet knows as a
 * noun, or a two-word compound WordNet knows ("computer monitor", "pickup truck"; not after an
 * adjective, since "white horse" is a wave in WordNet, unless the compound is a class name such as
 * "hot dog"); quantity nouns before "of" ("a group of
 * people", "a pair of shoes") hand the head over to what follows.
 */
public final class PhraseParser {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");
  private static final Set<String> CHUNK_END = Set.of("in", "on", "at", "with", "of", "from", "by", "near",
      "behind", "under", "over", "into", "onto", "beside", "next", "while", "who", "that", "which", "wearing",
      "holding", "and", "or", "for", "to", "against", "around", "across", "through", "between", "inside",
      "outside", "along", "during", "underneath", "atop", "among", "like");
  /** Collective nouns: one box around all members is a valid answer. */
  private static final Set<String> GROUP_NOUNS = Set.of("group", "groups", "crowd", "crowds", "team", "teams",
      "bunch", "herd", "flock", "family", "audience", "gang", "line", "row", "pack", "band", "couple");
  /** Quantity nouns before "of" that pass the head on ("a pair of shoes" is about shoes). */
  private static final Set<String> QUANTITY_NOUNS = Set.of("pair", "couple", "lot", "lots", "number", "few",
      "set", "pile", "stack", "bunch", "piece", "pieces", "kind", "type", "sort", "top", "side", "part");
  private static final Set<String> SKIP_WORDS = Set.of("a", "an", "the", "his", "her", "its", "their", "my",
      "your", "our", "this", "that", "these", "those", "some", "several", "many", "few", "another", "other",
      "each", "every", "all", "both", "multiple", "various", "one", "s");
  private static final Set<String> PLURAL_QUANTIFIERS = Set.of("some", "several", "many", "few", "multiple",
      "various", "these", "those", "all", "lots", "lot", "numerous");
  private static final Map<String, Integer> NUMBERS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("both", 2), Map.entry("pair", 2),
      Map.entry("couple", 2), Map.entry("twin", 2), Map.entry("twins", 2));
  /** People words WordNet files under "group" rather than "person"; the ranker reads them as persons. */
  private static final Map<String, String> PEOPLE_WORDS = Map.of("people", "persons", "crowd", "persons",
      "crowds", "persons", "team", "persons", "audience", "persons", "family", "persons", "couple", "persons",
      "group", "persons", "gang", "persons");

  private final WordNet wordNet;
  private final Set<String> classNames;

  /** {@code classNames}: detector labels, accepted as compounds even after an adjective. */
  public PhraseParser(WordNet wordNet, Set<String> classNames) {
    this.wordNet = wordNet;
    this.classNames = Set.copyOf(classNames);
  }

  public ParsedPhrase parse(String text) {
    List<String> words = words(text);
    Set<SpatialCue> spatial = EnumSet.noneOf(SpatialCue.class);
    int start = 0;
    boolean group = false;
    Integer count = null;
    boolean pluralQuantifier = false;
    // Pass quantity/collective nouns before "of": "a group of people" -> chunk "people"
    for (int i = 0; i + 1 < words.size(); i++) {
      String w = words.get(i);
      if (words.get(i + 1).equals("of") && (GROUP_NOUNS.contains(w) || QUANTITY_NOUNS.contains(w))) {
        group |= GROUP_NOUNS.contains(w) && !w.equals("couple");
        if (NUMBERS.containsKey(w)) {
          count = NUMBERS.get(w);
        }
        pluralQuantifier |= PLURAL_QUANTIFIERS.contains(w);
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
    List<String> chunk = words.subList(start, end);
    String head = head(chunk);
    for (String w : chunk) {
      if (count == null && NUMBERS.containsKey(w) && !w.equals(head)) {
        count = NUMBERS.get(w);
      } else if (count == null && w.matches("\\d{1,2}")) {
        count = Integer.parseInt(w);
      }
      pluralQuantifier |= PLURAL_QUANTIFIERS.contains(w) && !w.equals(head);
    }
    for (String w : words) {
      if (!head.contains(w)) {
        SpatialCue.of(w).ifPresent(spatial::add);
      }
    }
    if (GROUP_NOUNS.contains(head)) {
      group = !head.equals("couple") && !head.equals("line") && !head.equals("row");
    }
    if (PEOPLE_WORDS.containsKey(head)) {
      if (head.equals("couple") && count == null) {
        count = 2;
      }
      head = PEOPLE_WORDS.get(head);
    }
    boolean plural = pluralQuantifier || (count != null && count > 1) || isPlural(head);
    return new ParsedPhrase(words, head, count == null ? OptionalInt.empty() : OptionalInt.of(count), plural,
        group, spatial);
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
    while (m.find()) {
      String w = m.group();
      out.add(w.endsWith("'s") ? w.substring(0, w.length() - 2) : w);
    }
    return out;
  }

  private String head(List<String> chunk) {
    for (int i = chunk.size() - 1; i >= 0; i--) {
      String w = chunk.get(i);
      if (SKIP_WORDS.contains(w) || NUMBERS.containsKey(w) || w.matches("\\d+")) {
        continue;
      }
      if (i > 0 && isCompound(chunk.get(i - 1), w)) {
        return chunk.get(i - 1) + " " + w;
      }
      if (wordNet.isNoun(w)) {
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
    return i + 1 < words.size() && !SKIP_WORDS.contains(words.get(i + 1)) && !NUMBERS.containsKey(words.get(i + 1));
  }

  private boolean isCompound(String first, String second) {
    if (SKIP_WORDS.contains(first) || NUMBERS.containsKey(first)) {
      return false;
    }
    for (String base : wordNet.baseForms(second)) {
      String compound = first + " " + base;
      if (classNames.contains(compound) || (wordNet.isExactNoun(compound) && !wordNet.isAdjective(first))) {
        return true;
      }
    }
    return false;
  }

  /** A head is plural when WordNet reduces it to another base form ("dogs" -> dog, "men" -> man). */
  private boolean isPlural(String head) {
    if (head.isEmpty()) {
      return false;
    }
    int space = head.lastIndexOf(' ');
    String last = head.substring(space + 1);
    for (String base : wordNet.baseForms(last)) {
      if (!base.equals(last)) {
        return true;
      }
    }
    return false;
  }
}
