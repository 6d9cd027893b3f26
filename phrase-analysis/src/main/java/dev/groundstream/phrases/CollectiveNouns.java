package dev.groundstream.phrases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of nouns that, before "of", hand the phrase over to what follows: "a group of men"
 * is about men, "a pair of shoes" about shoes, "the top of the hill" about the hill. Each word has
 * a {@link Kind}, because chunking and reading differ on portions: Flickr30k Entities keeps "the
 * side of the road" as its own (dropped) mention, while the ranker still grounds the road.
 */
public final class CollectiveNouns {

  /** What the noun before "of" says about the complement. */
  public enum Kind {
    /** members seen together ("a crowd of people"): one box around all of them is a valid answer */
    GROUP,
    /** a count or amount ("a pair of shoes", "lots of people") */
    MEASURE,
    /** a part or sort of the complement ("a piece of cake", "the top of the hill") */
    PORTION
  }

  private static final Map<String, Kind> KINDS = kinds();

  /**
   * Collective nouns that name a group when they stand alone ("a crowd", "the team"); "couple",
   * "line", "row" do not ask for one box around their members, "school", "sea", "mass" mostly name
   * something else.
   */
  private static final Set<String> GROUP_ALONE = Set.of("group", "groups", "crowd", "crowds", "team", "teams",
      "bunch", "herd", "flock", "family", "audience", "gang", "pack", "band");

  private CollectiveNouns() {}

  /** The kind of {@code word} (lower case) as a collective noun, if it is one. */
  public static Optional<Kind> kind(String word) {
    return Optional.ofNullable(KINDS.get(word));
  }

  /** True if "{@code word} of X" is about X when reading a phrase (every kind). */
  public static boolean passesHead(String word) {
    return KINDS.containsKey(word);
  }

  /**
   * True if "{@code word} of X" is one mention when chunking a caption (groups and measures, the
   * way Flickr30k Entities annotates "a crowd", "a pile of oranges"; portions stay apart).
   */
  public static boolean mergesMention(String word) {
    Kind k = KINDS.get(word);
    return k == Kind.GROUP || k == Kind.MEASURE;
  }

  /** True if "{@code word} of X" asks for one box around all Xs (a group, except a couple). */
  public static boolean groupsMembers(String word) {
    return KINDS.get(word) == Kind.GROUP && !word.equals("couple");
  }

  /** True if {@code word} alone names a group as one thing ("a crowd", "the team"). */
  public static boolean namesGroup(String word) {
    return GROUP_ALONE.contains(word);
  }

  private static Map<String, Kind> kinds() {
    Map<String, Kind> m = new HashMap<>();
    for (String w : List.of("group", "groups", "crowd", "crowds", "team", "teams", "bunch", "herd", "flock",
        "family", "families", "audience", "gang", "line", "lines", "row", "rows", "pack", "band", "couple",
        "troop", "crew", "swarm", "school", "cluster", "sea", "mass")) {
      m.put(w, Kind.GROUP);
    }
    for (String w : List.of("pair", "pairs", "lot", "lots", "number", "handful", "variety", "set", "pile",
        "piles", "stack", "dozen", "dozens", "hundreds", "bouquet", "few")) {
      m.put(w, Kind.MEASURE);
    }
    for (String w : List.of("piece", "pieces", "kind", "type", "sort", "top", "side", "part")) {
      m.put(w, Kind.PORTION);
    }
    return Map.copyOf(m);
  }
}
