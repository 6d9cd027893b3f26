package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.ranker.ParsedPhrase;
import dev.groundstream.worker.ranker.PhraseParser;
import dev.groundstream.worker.ranker.SpatialCue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which phrases of one caption are people and what the caption says about each (SeqGROUND's
 * caption context, grounding-worker/docs/ranker.md "caption people"): a singular person phrase
 * ("a man") owns the clothing / body-part phrases chained after it by "in / with / wearing" and
 * "and" ("a man in [a black jacket] and [blue jeans]"), an implicit "in black", hair words of its
 * own ("a blond woman", "a balding man") and the clause's position words ("... stands on the left").
 * A body-part phrase with "his / her / their" belongs to the nearest person before it.
 */
public final class CaptionMentions {
  private static final Set<String> PERSON_NOUNS = Set.of("man", "woman", "person", "boy", "girl", "guy", "lady",
      "child", "kid", "gentleman", "pedestrian", "teenager", "someone", "individual", "men", "women", "people",
      "persons", "boys", "girls", "children", "kids", "couple", "pedestrians", "guys", "ladies");
  private static final Pattern FIRST = Pattern.compile("\\s*(in|wearing|with|dressed in|who is wearing|wears|who wears)\\s*");
  private static final Pattern CHAIN = Pattern.compile("\\s*(and|in|with|wearing|,|, and)\\s*");
  private static final Pattern IN_COLOUR = Pattern.compile("^\\s*(?:dressed\\s+)?(?:all\\s+)?in\\s+([a-z]+)\\b");
  private static final Set<String> OWNERS = Set.of("his", "her", "their");

  /** What the caption says about one region of a person: colours, long/tall, and the phrase (-1: implicit). */
  public record Attribute(BodyRegion region, List<String> colours, boolean tall, int phrase) {}

  /** A singular person phrase: its index, attributes and position words. */
  public record Mention(int phrase, List<Attribute> attributes, Set<SpatialCue> spatial) {}

  /** The mentions in caption order, and per phrase index the mention (index into mentions) owning it. */
  public record Result(List<Mention> mentions, Map<Integer, Integer> owner) {}

  private CaptionMentions() {}

  public static Result read(String caption, List<PhraseQuery> phrases, PhraseParser parser, PersonChooser chooser) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < phrases.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> phrases.get(i).charStart()).thenComparingInt(i -> i));
    List<ParsedPhrase> parsed = phrases.stream().map(q -> parser.parse(q.text())).toList();
    String text = caption == null ? "" : caption.toLowerCase(Locale.ROOT);
    List<Mention> mentions = new ArrayList<>();
    Map<Integer, Integer> owner = new HashMap<>();
    int last = -1; // the most recent singular person mention
    for (int k = 0; k < order.size(); k++) {
      int i = order.get(k);
      ParsedPhrase p = parsed.get(i);
      String head = lastWord(p);
      if (PERSON_NOUNS.contains(head)) {
        last = -1;
        if (p.referents() > 1) {
          continue; // plural people: any member is right, no exclusion
        }
        List<Attribute> attrs = new ArrayList<>();
        for (String w : p.words()) {
          if (w.equals("blond") || w.equals("blonde") || w.equals("balding") || w.equals("bald")) {
            BodyRegion r = w.startsWith("bald") ? BodyRegion.HEAD : BodyRegion.HAIR;
            attrs.add(new Attribute(r, chooser.colours(r, List.of(w)), false, -1));
          }
        }
        int end = phrases.get(i).charEnd();
        int m = k + 1;
        Pattern glue = FIRST;
        while (m < order.size()) {
          int j = order.get(m);
          String between = between(text, end, phrases.get(j).charStart());
          var region = PeopleRanker.regionOf(parsed.get(j));
          if (between == null || region.isEmpty() || !glue.matcher(between).matches()) {
            break;
          }
          attrs.add(new Attribute(region.get(), chooser.colours(region.get(), parsed.get(j).words()),
              PersonChooser.tall(parsed.get(j).words()), j));
          owner.put(j, mentions.size());
          end = phrases.get(j).charEnd();
          glue = CHAIN;
          m++;
        }
        int next = m < order.size() ? phrases.get(order.get(m)).charStart() : text.length();
        String clause = between(text, end, next);
        clause = clause == null ? "" : clause;
        if (attrs.stream().noneMatch(a -> a.phrase() >= 0)) {
          Matcher c = IN_COLOUR.matcher(clause);
          if (c.find() && !ColourWords.in(List.of(c.group(1))).isEmpty()) {
            attrs.add(new Attribute(BodyRegion.OUTFIT, chooser.colours(BodyRegion.OUTFIT, List.of(c.group(1))), false, -1));
          }
        }
        Set<SpatialCue> spatial = EnumSet.noneOf(SpatialCue.class);
        spatial.addAll(p.spatial());
        spatial.addAll(clauseSpatial(clause));
        last = mentions.size();
        owner.put(i, last);
        mentions.add(new Mention(i, List.copyOf(attrs), spatial));
        k = m - 1;
      } else if (last >= 0 && !p.words().isEmpty() && OWNERS.contains(p.words().get(0))
          && PeopleRanker.regionOf(p).isPresent()) {
        owner.put(i, last);
      }
    }
    return new Result(mentions, owner);
  }

  /** Position words of the clause after a person: "on the left/right", "in the distance/background/foreground". */
  static Set<SpatialCue> clauseSpatial(String clause) {
    Set<SpatialCue> out = EnumSet.noneOf(SpatialCue.class);
    if (clause.contains("on the left")) {
      out.add(SpatialCue.LEFT);
    }
    if (clause.contains("on the right")) {
      out.add(SpatialCue.RIGHT);
    }
    if (clause.contains("in the distance") || clause.contains("in the background")) {
      out.add(SpatialCue.BACK);
    }
    if (clause.contains("in the foreground")) {
      out.add(SpatialCue.FRONT);
    }
    return out;
  }

  private static String lastWord(ParsedPhrase p) {
    String h = p.head().isEmpty() ? (p.words().isEmpty() ? "" : p.words().get(p.words().size() - 1)) : p.head();
    return h.substring(h.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
  }

  private static String between(String text, int from, int to) {
    return from >= 0 && to >= from && to <= text.length() ? text.substring(from, to) : null;
  }
}
