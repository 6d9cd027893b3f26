package dev.groundstream.worker.ranker;

import dev.groundstream.phrases.WordNet;
import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.model.Proposal;
import dev.groundstream.worker.model.ScoredBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The semantic detector-ranker (issue 7; rules and weights in grounding-worker/docs/ranker.md).
 * Per phrase:
 * <ol>
 *   <li>class relevance = noisy-or of WordNet ({@link WordNetClassMatcher}) and MiniLM cosine
 *   ({@link ClassNameSimilarity}) between the head noun and each class name;</li>
 *   <li>matching proposals (relevance above the threshold and near the best present class) score
 *   relevance x detector score x spatial fit, best first, class-agnostic NMS;</li>
 *   <li>counts and groups add the enclosing box of the matches ("a group of people" first, "two men"
 *   after the two best boxes);</li>
 *   <li>a clothing / body-part phrase without a WordNet class match gets the part region of the best
 *   person boxes first; a scene phrase without one gets the whole image first; any other phrase
 *   without a match gets the whole image first;</li>
 *   <li>non-matching proposals follow at a small fraction of their score (for recall at k).</li>
 * </ol>
 * Deterministic: no randomness, proposals are ordered with full tie-breaking, scores never increase
 * down the list.
 */
public final class SemanticRanker implements PhraseRanker {
  private static final Comparator<Candidate> BEST_FIRST = Comparator
      .comparingDouble((Candidate c) -> -c.score)
      .thenComparingInt(c -> c.proposal.classIndex())
      .thenComparingDouble(c -> c.proposal.box().x1()).thenComparingDouble(c -> c.proposal.box().y1())
      .thenComparingDouble(c -> c.proposal.box().x2()).thenComparingDouble(c -> c.proposal.box().y2());
  /** Members of an enclosing box must score at least this fraction of the best match. */
  private static final float GROUP_MEMBER_FRACTION = 0.3f;
  private static final int MAX_PART_PERSONS = 3;
  /** Non-matching proposals score detector x unmatchedWeight x (this + relevance). */
  private static final float UNMATCHED_BASE = 0.1f;

  private final PhraseParser parser;
  private final WordNetClassMatcher wordNet;
  private final Optional<ClassNameSimilarity> text;
  private final PhraseCategorizer categorizer;
  private final RankerSettings settings;
  private final PostprocessSettings ranking;
  private final int personClass;

  public SemanticRanker(PhraseParser parser, WordNetClassMatcher wordNet, Optional<ClassNameSimilarity> text,
      PhraseCategorizer categorizer, RankerSettings settings, PostprocessSettings ranking) {
    this.parser = parser;
    this.wordNet = wordNet;
    this.text = text;
    this.categorizer = categorizer;
    this.settings = settings;
    this.ranking = ranking;
    this.personClass = wordNet.labels().indexOf("person");
  }

  /** The ranker over {@code labels} with the shared WordNet and (if enabled) the shared MiniLM encoder. */
  public static SemanticRanker create(List<String> labels, RankerSettings settings, PostprocessSettings ranking) {
    WordNet wn = WordNet.shared();
    Optional<ClassNameSimilarity> text = settings.useTextEncoder()
        ? Optional.of(new ClassNameSimilarity(MiniLmTextEncoder.shared(), labels, settings))
        : Optional.empty();
    return new SemanticRanker(new PhraseParser(wn, java.util.Set.copyOf(labels)), new WordNetClassMatcher(wn, labels, settings), text,
        new PhraseCategorizer(wn), settings, ranking);
  }

  private record Candidate(Proposal proposal, float score) {}

  @Override
  public List<ScoredBox> rank(PhraseQuery phrase, List<Proposal> proposals, int imageWidth, int imageHeight) {
    ParsedPhrase parsed = parser.parse(phrase.text(), phrase.head());
    float[] byWordNet = settings.useWordNet() ? wordNet.relevance(parsed.head()) : new float[wordNet.labels().size()];
    float[] relevance = combine(byWordNet, parsed);
    boolean wordNetMatch = false;
    float bestPresent = 0;
    for (Proposal p : proposals) {
      bestPresent = Math.max(bestPresent, classValue(relevance, p));
      wordNetMatch |= classValue(byWordNet, p) >= settings.matchThreshold();
    }
    List<Candidate> matches = new ArrayList<>();
    List<Candidate> others = new ArrayList<>();
    for (Proposal p : proposals) {
      float r = classValue(relevance, p);
      if (r >= settings.matchThreshold() && r >= settings.relativeMatch() * bestPresent) {
        matches.add(new Candidate(p, r * p.box().score()));
      } else {
        // relevance dominates: among non-matches, the most related class comes first
        others.add(new Candidate(p, p.box().score() * settings.unmatchedWeight() * (UNMATCHED_BASE + r)));
      }
    }
    matches = spatiallyReranked(matches, parsed, imageWidth, imageHeight);
    others.sort(BEST_FIRST);

    PhraseCategory category = categorizer.categorize(parsed.head());
    ScoredBox wholeImage = new ScoredBox(0, 0, imageWidth, imageHeight, 1f);
    List<ScoredBox> ranked = new ArrayList<>();
    List<ScoredBox> parts = settings.usePersonParts() && category.personPart().isPresent()
        ? partBoxes(category.personPart().get(), proposals, parsed, imageWidth, imageHeight) : List.of();
    if (!wordNetMatch && !parts.isEmpty()) {
      ranked.addAll(parts);
      ranked.addAll(matchBoxes(matches, parsed));
    } else if (!wordNetMatch && settings.useScene() && category.scene()) {
      ranked.add(wholeImage);
      ranked.addAll(matchBoxes(matches, parsed));
    } else if (matches.isEmpty()) {
      // nothing fits: the most related other proposal ("a squirrel" -> the bird box), then the whole image
      if (!others.isEmpty()) {
        Candidate closest = others.remove(0);
        ranked.add(closest.proposal.box().withScore(closest.score));
      }
      ranked.add(wholeImage.withScore(settings.unmatchedWeight()));
    } else {
      ranked.addAll(matchBoxes(matches, parsed));
      ranked.addAll(parts);
    }
    others.forEach(c -> ranked.add(c.proposal.box().withScore(c.score)));
    return orderedNms(ranked);
  }

  /** Noisy-or of WordNet and rescaled MiniLM similarity per class. */
  private float[] combine(float[] byWordNet, ParsedPhrase parsed) {
    float[] out = byWordNet.clone();
    if (text.isPresent()) {
      String query = parsed.head().isEmpty() ? String.join(" ", parsed.words()) : parsed.head();
      float[] byText = text.get().relevance(query);
      for (int c = 0; c < out.length; c++) {
        out[c] = 1 - (1 - out[c]) * (1 - settings.textWeight() * byText[c]);
      }
    }
    return out;
  }

  private static float classValue(float[] perClass, Proposal p) {
    return p.classIndex() >= 0 && p.classIndex() < perClass.length ? perClass[p.classIndex()] : 0;
  }

  /** Multiplies each match's score by its fit to the phrase's spatial words, best first. */
  private List<Candidate> spatiallyReranked(List<Candidate> candidates, ParsedPhrase parsed, int w, int h) {
    List<Candidate> out = new ArrayList<>();
    if (!settings.useSpatial() || parsed.spatial().isEmpty()) {
      out.addAll(candidates);
    } else {
      float maxArea = 0;
      for (Candidate c : candidates) {
        maxArea = Math.max(maxArea, c.proposal.box().area());
      }
      float[] factors = new float[candidates.size()];
      java.util.Arrays.fill(factors, 1);
      for (SpatialCue cue : parsed.spatial()) {
        float[] fit = new float[candidates.size()];
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < fit.length; i++) {
          fit[i] = cue.fit(candidates.get(i).proposal.box(), w, h, maxArea);
          min = Math.min(min, fit[i]);
          max = Math.max(max, fit[i]);
        }
        for (int i = 0; i < fit.length; i++) {
          // relative among the candidates: "the dog on the left" is the leftmost dog, wherever it is
          float relative = max > min ? (fit[i] - min) / (max - min) : 1;
          factors[i] *= 1 - settings.spatialWeight() + settings.spatialWeight() * relative;
        }
      }
      for (int i = 0; i < factors.length; i++) {
        out.add(new Candidate(candidates.get(i).proposal, candidates.get(i).score * factors[i]));
      }
    }
    out.sort(BEST_FIRST);
    return out;
  }

  /** Matches best first, with the enclosing box placed for groups (first) and counts (after the members). */
  private List<ScoredBox> matchBoxes(List<Candidate> matches, ParsedPhrase parsed) {
    List<ScoredBox> individual = new ArrayList<>();
    for (Candidate c : matches) {
      individual.add(c.proposal.box().withScore(c.score));
    }
    individual = orderedNms(individual);
    if (!settings.useCounts() || individual.size() < 2 || (!parsed.group() && parsed.referents() < 2)) {
      return individual;
    }
    float best = individual.get(0).score();
    int limit = parsed.count().orElse(Integer.MAX_VALUE);
    List<ScoredBox> members = individual.stream()
        .filter(b -> b.score() >= GROUP_MEMBER_FRACTION * best).limit(limit).toList();
    if (members.size() < 2) {
      return individual;
    }
    ScoredBox union = enclosing(members, best);
    List<ScoredBox> out = new ArrayList<>();
    if (parsed.group()) {
      out.add(union);
      out.addAll(individual);
    } else {
      out.addAll(members);
      out.add(union.withScore(members.get(members.size() - 1).score()));
      out.addAll(individual.subList(members.size(), individual.size()));
    }
    return out;
  }

  private static ScoredBox enclosing(List<ScoredBox> boxes, float score) {
    float x1 = Float.MAX_VALUE;
    float y1 = Float.MAX_VALUE;
    float x2 = -Float.MAX_VALUE;
    float y2 = -Float.MAX_VALUE;
    for (ScoredBox b : boxes) {
      x1 = Math.min(x1, b.x1());
      y1 = Math.min(y1, b.y1());
      x2 = Math.max(x2, b.x2());
      y2 = Math.max(y2, b.y2());
    }
    return new ScoredBox(x1, y1, x2, y2, score);
  }

  /** The part region of the best person proposals (spatial words choose among persons). */
  private List<ScoredBox> partBoxes(PersonPart part, List<Proposal> proposals, ParsedPhrase parsed, int w, int h) {
    if (personClass < 0) {
      return List.of();
    }
    List<Candidate> persons = new ArrayList<>();
    for (Proposal p : proposals) {
      if (p.classIndex() == personClass) {
        persons.add(new Candidate(p, p.box().score()));
      }
    }
    List<ScoredBox> out = new ArrayList<>();
    for (Candidate c : spatiallyReranked(persons, parsed, w, h)) {
      if (out.size() == MAX_PART_PERSONS) {
        break;
      }
      out.add(part.of(c.proposal.box(), c.score * settings.partScore()));
    }
    return out;
  }

  /** Greedy NMS in list order (not re-sorted), scores made non-increasing, top-k. */
  private List<ScoredBox> orderedNms(List<ScoredBox> boxes) {
    List<ScoredBox> kept = new ArrayList<>();
    float previous = Float.MAX_VALUE;
    for (ScoredBox b : boxes) {
      if (kept.size() >= ranking.topK() && ranking.topK() > 0) {
        break;
      }
      boolean duplicate = false;
      for (ScoredBox k : kept) {
        if (b.iou(k) > ranking.nmsIou()) {
          duplicate = true;
          break;
        }
      }
      if (!duplicate) {
        previous = Math.min(previous, b.score());
        kept.add(b.withScore(previous));
      }
    }
    return kept;
  }
}
