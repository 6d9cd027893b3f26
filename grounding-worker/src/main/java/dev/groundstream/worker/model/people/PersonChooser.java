package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.ranker.ParsedPhrase;
import dev.groundstream.worker.ranker.SpatialCue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders the people of an image for a clothing / body-part phrase: score = pose score x prominence
 * x colour fit x spatial fit. Prominence is (0.5 + 0.5 x area / largest area). Colour fit, when the
 * phrase names colours, is (colourFloor + region colour score); spatial fit is relative among the
 * people, as in the semantic ranker (1 - spatialWeight + spatialWeight x relative position).
 * Deterministic; ties broken by position.
 */
public final class PersonChooser {
  private final float spatialWeight;
  private final float colourFloor;
  private final boolean useColour;

  public PersonChooser(float spatialWeight, float colourFloor) {
    this(spatialWeight, colourFloor, true);
  }

  /** {@code useColour} false ignores colour words (ablation); spatialWeight 0 ignores spatial words. */
  public PersonChooser(float spatialWeight, float colourFloor, boolean useColour) {
    this.spatialWeight = spatialWeight;
    this.colourFloor = colourFloor;
    this.useColour = useColour;
  }

  /** {@code region} is the primary box; {@code alternates} the other boxes of the same region (single feet...). */
  public record Choice(Person person, ScoredBox region, List<ScoredBox> alternates, float score) {}

  public List<Choice> choose(PersonScene scene, BodyRegion region, ParsedPhrase parsed) {
    List<Person> people = scene.people();
    boolean tall = parsed.words().contains("long") || parsed.words().contains("boots") || parsed.words().contains("boot");
    List<String> colours = useColour ? ColourWords.in(parsed.words()) : List.of();
    float maxArea = 0;
    for (Person p : people) {
      maxArea = Math.max(maxArea, p.box().area());
    }
    float[] spatial = spatialFactors(people, parsed, scene.width(), scene.height(), maxArea);
    List<Choice> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      List<ScoredBox> boxes = KeypointRegions.boxes(p, region, tall, scene.width(), scene.height(), 0);
      ScoredBox r = boxes.get(0);
      float s = p.box().score() * (0.5f + 0.5f * (maxArea > 0 ? p.box().area() / maxArea : 1)) * spatial[i];
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

  private float[] spatialFactors(List<Person> people, ParsedPhrase parsed, int w, int h, float maxArea) {
    float[] f = new float[people.size()];
    java.util.Arrays.fill(f, 1);
    for (SpatialCue cue : parsed.spatial()) {
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
