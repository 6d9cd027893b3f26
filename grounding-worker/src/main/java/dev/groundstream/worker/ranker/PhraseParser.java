package dev.groundstream.worker.ranker;

import dev.groundstream.phrases.CollectiveNouns;
import dev.groundstream.phrases.HeadFinder;
import dev.groundstream.phrases.WordNet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the ranker reads from a short noun phrase (Flickr30k Entities phrases are mostly "a young
 * boy", "two dogs", "his hand", "a group of people", "the man on the left"): the head from the
 * shared {@link HeadFinder} (detector labels count as compounds: "hot dog"), or the head ingest
 * sent with the phrase; then the count, plurality, whether a collective asks for one box
 * ({@link CollectiveNouns}), and the spatial words.
 */
public final class PhraseParser {
  private static final Map<String, Integer> NUMBERS = HeadFinder.NUMBER_WORDS;
  private static final Set<String> PLURAL_QUANTIFIERS = Set.of("some", "several", "many", "few", "multiple",
      "various", "these", "those", "all", "lots", "lot", "numerous");
  /** People words WordNet files under "group" rather than "person"; the ranker reads them as persons. */
  private static final Map<String, String> PEOPLE_WORDS = Map.of("people", "persons", "crowd", "persons",
      "crowds", "persons", "team", "persons", "audience", "persons", "family", "persons", "couple", "persons",
      "group", "persons", "gang", "persons");

  private final WordNet wordNet;
  private final HeadFinder heads;

  /** {@code classNames}: detector labels, accepted as compounds even after an adjective. */
  public PhraseParser(WordNet wordNet, Set<String> classNames) {
    this.wordNet = wordNet;
    this.heads = new HeadFinder(wordNet, classNames);
  }

  public ParsedPhrase parse(String text) {
    return parse(text, "");
  }

  /** {@code givenHead}: the head ingest wrote into the request ("" for records written before). */
  public ParsedPhrase parse(String text, String givenHead) {
    HeadFinder.Head found = heads.find(text, givenHead);
    List<String> words = found.words();
    Set<SpatialCue> spatial = EnumSet.noneOf(SpatialCue.class);
    String collective = found.collective();
    boolean group = !collective.isEmpty() && CollectiveNouns.groupsMembers(collective);
    Integer count = NUMBERS.get(collective);
    boolean pluralQuantifier = PLURAL_QUANTIFIERS.contains(collective);
    String head = found.head();
    for (String w : found.chunk()) {
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
    if (CollectiveNouns.kind(head).isPresent() && CollectiveNouns.kind(head).get() == CollectiveNouns.Kind.GROUP) {
      group = CollectiveNouns.namesGroup(head);
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
