package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.GroundingInput;
import dev.groundstream.worker.model.PhraseQuery;
import dev.groundstream.worker.model.PhraseRanker;
import dev.groundstream.worker.model.PostprocessSettings;
import dev.groundstream.worker.model.Proposal;
import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.ranker.ParsedPhrase;
import dev.groundstream.worker.ranker.PhraseParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ranker of the composite people model (grounding-worker/docs/ranker.md, "people model"): the
 * semantic ranker's list for every phrase, except that
 * <ul>
 *   <li>a clothing / body-part phrase ({@link BodyRegion}) gets the keypoint-derived region of the
 *   pose stage's people first, the people ordered by {@link PersonChooser} (colour of that region,
 *   spatial words among the people, prominence);</li>
 *   <li>a person phrase followed in the caption by "in / wearing / with" and a coloured clothing
 *   phrase ("a man in a red shirt") puts the detector box of the person whose region has that
 *   colour first (caption context).</li>
 * </ul>
 * Without people (no pose, no person in the photo) every phrase keeps the semantic ranker's list.
 */
public final class PeopleRanker implements PhraseRanker, AutoCloseable {
  private static final int MAX_REGION_PEOPLE = 3;
  /** Semantic-ranker boxes after the region boxes keep this fraction of their score. */
  private static final float AFTER_REGIONS = 0.5f;

  private final PhraseRanker semantic;
  private final Optional<PoseStage> pose;
  private final PhraseParser parser;
  private final PersonChooser chooser;
  private final PostprocessSettings ranking;
  private final int srcW;
  private final int srcH;
  private boolean captionContext = true;
  private float extraPersonScore;

  public PeopleRanker(PhraseRanker semantic, Optional<PoseStage> pose, PhraseParser parser, PersonChooser chooser,
      PostprocessSettings ranking, int srcW, int srcH) {
    this.semantic = semantic;
    this.pose = pose;
    this.parser = parser;
    this.chooser = chooser;
    this.ranking = ranking;
    this.srcW = srcW;
    this.srcH = srcH;
  }

  /** Switches caption context off (ablation); returns this. */
  public PeopleRanker withoutCaptionContext() {
    captionContext = false;
    return this;
  }

  @Override
  public List<ScoredBox> rank(PhraseQuery phrase, List<Proposal> proposals, int imageWidth, int imageHeight) {
    return semantic.rank(phrase, proposals, imageWidth, imageHeight);
  }

  /** Detector people without a pose (more than MoveNet's 6) join the people from this score (0: never). */
  public PeopleRanker withExtraPeople(float minScore) {
    extraPersonScore = minScore;
    return this;
  }

  @Override
  public List<List<ScoredBox>> rankImage(GroundingInput input, List<Proposal> proposals) throws Exception {
    List<Person> posed = pose.isPresent() ? pose.get().people(input.image(), srcW, srcH) : List.of();
    List<Person> people = PersonAnchors.anchor(posed, proposals, posed.isEmpty() ? 0 : extraPersonScore);
    PersonScene scene = new PersonScene(people, input.image(), srcW, srcH);
    return rankCaption(input, proposals, scene);
  }

  /** All phrases of one caption against the people of its image (public for unit tests with hand-made people). */
  public List<List<ScoredBox>> rankCaption(GroundingInput input, List<Proposal> proposals, PersonScene scene) {
    CaptionMentions.Result mentions = captionContext && !scene.people().isEmpty()
        ? CaptionMentions.read(input.caption(), input.phrases(), parser, chooser)
        : new CaptionMentions.Result(List.of(), java.util.Map.of());
    float[][] scores = PersonAssigner.scores(scene, mentions.mentions(), chooser);
    int[] assigned = PersonAssigner.assign(scores, scene.people().size());
    List<List<ScoredBox>> out = new ArrayList<>();
    for (int i = 0; i < input.phrases().size(); i++) {
      Integer m = mentions.owner().get(i);
      if (m != null && assigned[m] >= 0) {
        out.add(rankMentioned(i, input.phrases().get(i), proposals, scene, mentions.mentions().get(m), scores[m],
            assigned[m]));
      } else {
        out.add(rankPhrase(input.phrases().get(i), input, proposals, scene));
      }
    }
    return out;
  }

  /**
   * A phrase the caption ties to a person mention: the mention itself gets the assigned person's box
   * first, then the other people by their score for the mention; an attribute or "his head" gets
   * the assigned person's region first, then the other people's regions in the same order.
   */
  private List<ScoredBox> rankMentioned(int index, PhraseQuery phrase, List<Proposal> proposals, PersonScene scene,
      CaptionMentions.Mention mention, float[] scores, int person) {
    int w = scene.width();
    int h = scene.height();
    List<ScoredBox> base = semantic.rank(phrase, proposals, w, h);
    List<Integer> order = new ArrayList<>();
    order.add(person);
    java.util.stream.IntStream.range(0, scores.length).boxed().filter(p -> p != person)
        .sorted(java.util.Comparator.comparingDouble((Integer p) -> -scores[p]).thenComparingInt(p -> p))
        .forEach(order::add);
    List<ScoredBox> ranked = new ArrayList<>();
    ParsedPhrase parsed = parser.parse(phrase.text());
    Optional<BodyRegion> region = mention.phrase() == index ? Optional.empty() : regionOf(parsed);
    float top = 1;
    for (int rank = 0; rank < order.size(); rank++) {
      Person p = scene.people().get(order.get(rank));
      float score = top / (rank + 1);
      if (region.isPresent()) {
        for (ScoredBox b : chooser.boxes(p, region.get(), PersonChooser.tall(parsed.words()),
            parsed.words().contains("short"), w, h)) {
          ranked.add(b.withScore(score));
        }
      } else {
        ranked.add(p.box().withScore(score));
      }
    }
    float floor = ranked.get(ranked.size() - 1).score();
    for (ScoredBox b : base) {
      ranked.add(b.withScore(Math.min(floor, b.score() * AFTER_REGIONS)));
    }
    return dedup(ranked);
  }

  /** One phrase against the people of one image, without caption context. */
  public List<ScoredBox> rankPhrase(PhraseQuery phrase, GroundingInput input, List<Proposal> proposals,
      PersonScene scene) {
    int w = scene.width();
    int h = scene.height();
    List<ScoredBox> base = semantic.rank(phrase, proposals, w, h);
    if (scene.people().isEmpty()) {
      return base;
    }
    ParsedPhrase parsed = parser.parse(phrase.text(), phrase.head());
    Optional<BodyRegion> region = regionOf(parsed);
    if (region.isPresent()) {
      List<PersonChooser.Choice> choices = chooser.choose(scene, region.get(), parsed);
      List<ScoredBox> ranked = new ArrayList<>();
      List<PersonChooser.Choice> top = choices.subList(0, Math.min(MAX_REGION_PEOPLE, choices.size()));
      for (PersonChooser.Choice c : top) {
        ranked.add(c.region());
      }
      for (PersonChooser.Choice c : top) {
        ranked.addAll(c.alternates());
      }
      float floor = ranked.isEmpty() ? 1 : ranked.get(ranked.size() - 1).score();
      for (ScoredBox b : base) {
        ranked.add(b.withScore(Math.min(floor, b.score() * AFTER_REGIONS)));
      }
      return dedup(ranked);
    }
    return base;
  }

  static Optional<BodyRegion> regionOf(ParsedPhrase parsed) {
    Optional<BodyRegion> r = parsed.head().isEmpty() ? Optional.empty()
        : BodyRegion.of(parsed.head().substring(parsed.head().lastIndexOf(' ') + 1));
    if (r.isEmpty() && !parsed.words().isEmpty()) {
      r = BodyRegion.of(parsed.words().get(parsed.words().size() - 1));
    }
    return r;
  }

  /** The semantic list with the box that best overlaps {@code person} (IoU >= 0.5) moved to the front. */
  static List<ScoredBox> personFirst(List<ScoredBox> base, ScoredBox person) {
    int best = -1;
    float bestIou = 0.5f;
    for (int i = 0; i < base.size(); i++) {
      float iou = base.get(i).iou(person);
      if (iou >= bestIou) {
        bestIou = iou;
        best = i;
      }
    }
    if (best <= 0) {
      return base;
    }
    List<ScoredBox> out = new ArrayList<>();
    out.add(base.get(best).withScore(base.get(0).score()));
    for (int i = 0; i < base.size(); i++) {
      if (i != best) {
        out.add(base.get(i));
      }
    }
    return out;
  }

  private List<ScoredBox> dedup(List<ScoredBox> boxes) {
    List<ScoredBox> kept = new ArrayList<>();
    float previous = Float.MAX_VALUE;
    for (ScoredBox b : boxes) {
      if (ranking.topK() > 0 && kept.size() >= ranking.topK()) {
        break;
      }
      boolean dup = false;
      for (ScoredBox k : kept) {
        if (b.iou(k) > ranking.nmsIou()) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        previous = Math.min(previous, b.score());
        kept.add(b.withScore(previous));
      }
    }
    return kept;
  }

  @Override
  public void close() throws Exception {
    if (pose.isPresent()) {
      pose.get().close();
    }
  }
}
