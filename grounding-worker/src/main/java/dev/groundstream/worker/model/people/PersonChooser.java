package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.ranker.ParsedPhrase;
import dev.groundstream.worker.ranker.SpatialCue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders the people of an image for a clothing / body-part phrase: score = pose score x prominence
 * x colour fit x spatial fit. Prominence is (0.5 + 0.5 x area / largest area). Colour fit, when the
 * phrase names colours, is (colourFloor + region colour score); spatial fit is relative among the
 * people, as in the semantic ranker (1 - spatialWeight + spatialWeight x relative position).
 * People shorter than {@code smallHeight} px get their regions from {@link SmallPersonRegions}.
 * Deterministic; ties broken by position.
 */
public final class PersonChooser {
  private final float spatialWeight;
  private final float colourFloor;
  private final boolean useColour;
  private final float smallHeight;

  public PersonChooser(float spatialWeight, float colourFloor) {
    this(spatialWeight, colourFloor, true, 0);
  }

  public PersonChooser(float spatialWeight, float colourFloor, boolean useColour) {
    this(spatialWeight, colourFloor, useColour, 0);
  }

  /**
   * {@code useColour} false ignores colour words (ablation); spatialWeight 0 ignores spatial words;
   * {@code smallHeight} 0 boxes every person from its keypoints.
   */
  public PersonChooser(float spatialWeight, float colourFloor, boolean useColour, float smallHeight) {
    this.spatialWeight = spatialWeight;
    this.colourFloor = colourFloor;
    this.useColour = useColour;
    this.smallHeight = smallHeight;
  }

  /** {@code region} is the primary box; {@code alternates} the other boxes of the same region (single feet...). */
  public record Choice(Person person, ScoredBox region, List<ScoredBox> alternates, float score) {}

  public List<Choice> choose(PersonScene scene, BodyRegion region, ParsedPhrase parsed) {
    List<Person> people = scene.people();
    boolean tall = tall(parsed.words());
    List<String> colours = colours(region, parsed.words());
    float maxArea = maxArea(people);
    float[] spatial = spatial(people, parsed.spatial(), scene.width(), scene.height());
    List<Choice> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      List<ScoredBox> boxes = boxes(p, region, tall, parsed.words().contains("short"), scene.width(), scene.height());
      ScoredBox r = boxes.get(0);
      float s = p.box().score() * prominence(p, maxArea) * spatial[i];
      Optional<Float> colour = scene.colour(colours, r);
      if (colour.isPresent()) {
        s *= colourFloor + colour.get();
      }
      final float fs = s;
      out.add(new Choice(p, r.withScore(s), boxes.subList(1, boxes.size()).stream().map(b -> b.withScore(fs)).toList(), s));
    }
    out.sort(Comparator.comparingDouble((Choice c) -> -c.score).thenComparingDouble(c -> c.region.x1())
        .thenComparingDouble(c -> c.region.y1()));
    return out;
  }

  /** The region's boxes for one person, best first, clipped to the image. */
  public List<ScoredBox> boxes(Person p, BodyRegion region, boolean tall, int w, int h) {
    return boxes(p, region, tall, false, w, h);
  }

  /** As {@link #boxes(Person, BodyRegion, boolean, int, int)}; {@code shortHair} for "short hair" on small people. */
  public List<ScoredBox> boxes(Person p, BodyRegion region, boolean tall, boolean shortHair, int w, int h) {
    return p.box().y2() - p.box().y1() < smallHeight ? SmallPersonRegions.boxes(p, region, tall, shortHair, w, h)
        : KeypointRegions.boxes(p, region, tall, w, h, 0);
  }

  /** (colourFloor + colour score) of the person's region for {@code colours}; 1 without colour words. */
  public float colourFit(PersonScene scene, Person p, BodyRegion region, List<String> colours, boolean tall) {
    if (colours.isEmpty()) {
      return 1;
    }
    Optional<Float> c = scene.colour(colours, boxes(p, region, tall, scene.width(), scene.height()).get(0));
    return c.map(v -> colourFloor + v).orElse(1f);
  }

  /**
   * Raw colour score (0..1) of the person's region for {@code colours}, sampled in the region's
   * central part (the middle 60% of its width, 80% of its height): a small person's region box
   * holds background at its edges, and the pavement here is as grey as a jacket.
   */
  public float colourScore(PersonScene scene, Person p, BodyRegion region, List<String> colours, boolean tall) {
    ScoredBox r = boxes(p, region, tall, scene.width(), scene.height()).get(0);
    float dx = 0.2f * (r.x2() - r.x1());
    float dy = 0.1f * (r.y2() - r.y1());
    ScoredBox core = new ScoredBox(r.x1() + dx, r.y1() + dy, r.x2() - dx, r.y2() - dy, 0);
    return scene.colour(colours, core).orElse(0f);
  }

  /**
   * (colourFloor + score / max(best, {@link #MIN_BEST})) / (colourFloor + 1): the best candidate's
   * fit is 1 when its colour covers at least a quarter of the region; below that the colours are
   * noise-level and weigh less.
   */
  public float relativeColourFit(float score, float best) {
    return (colourFloor + score / Math.max(best, MIN_BEST)) / (colourFloor + 1);
  }

  static final float MIN_BEST = 0.25f;

  /** The colour words a phrase says about a region ({@link ColourWords#about}); none when colour is off. */
  public List<String> colours(BodyRegion region, List<String> words) {
    return useColour ? ColourWords.about(region, words) : List.of();
  }

  static boolean tall(List<String> words) {
    return words.contains("long") || words.contains("boots") || words.contains("boot");
  }

  static float maxArea(List<Person> people) {
    float maxArea = 0;
    for (Person p : people) {
      maxArea = Math.max(maxArea, p.box().area());
    }
    return maxArea;
  }

  static float prominence(Person p, float maxArea) {
    return 0.5f + 0.5f * (maxArea > 0 ? p.box().area() / maxArea : 1);
  }

  /** Per person, the product over {@code cues} of the spatial fit relative among the people. */
  public float[] spatial(List<Person> people, Set<SpatialCue> cues, int w, int h) {
    float maxArea = maxArea(people);
    float[] f = new float[people.size()];
    java.util.Arrays.fill(f, 1);
    for (SpatialCue cue : cues) {
      float[] fit = new float[people.size()];
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (int i = 0; i < fit.length; i++) {
        fit[i] = cue.fit(people.get(i).box(), w, h, maxArea);
        min = Math.min(min, fit[i]);
        max = Math.max(max, fit[i]);
      }
      for (int i = 0; i < fit.length; i++) {
        float rel = max > min ? (fit[i] - min) / (max - min) : 1;
        f[i] *= 1 - spatialWeight + spatialWeight * rel;
      }
    }
    return f;
  }
}
