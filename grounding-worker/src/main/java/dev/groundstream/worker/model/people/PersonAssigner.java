package dev.groundstream.worker.model.people;

import java.util.Arrays;
import java.util.List;

/**
 * Gives each singular person mention of one caption its own person (grounding-worker/docs/ranker.md,
 * "caption people"): score(mention, person) = detector score x salience x spatial fit x the product
 * over the mention's attributes of (colourFloor + colour of that region); then the one-to-one
 * assignment with the largest product of scores, by exhaustive search (at most 6 people from the
 * pose stage plus a few detector people; mentions beyond {@link #MAX_JOINT} take their best person).
 * Two people phrases of one caption are two people, so "a man in red ... a man in black" and "the
 * other" never share a person unless there are more mentions than people. Deterministic: ties go to
 * the earlier person.
 */
public final class PersonAssigner {
  static final int MAX_JOINT = 5;

  private PersonAssigner() {}

  /**
   * scores[m][p] for every mention and person. Each attribute's colour score is taken relative to
   * the best person's for it ((floor + score / best) / (floor + 1)), so a colour that is faint in
   * every candidate ("light" hair, a dim "gray" jacket) still tells them apart and each attribute
   * weighs alike.
   */
  public static float[][] scores(PersonScene scene, List<CaptionMentions.Mention> mentions, PersonChooser chooser) {
    List<Person> people = scene.people();
    float maxArea = PersonChooser.maxArea(people);
    float[][] s = new float[mentions.size()][people.size()];
    for (int m = 0; m < mentions.size(); m++) {
      CaptionMentions.Mention mention = mentions.get(m);
      float[] spatial = chooser.spatial(people, mention.spatial(), scene.width(), scene.height());
      for (int p = 0; p < people.size(); p++) {
        Person person = people.get(p);
        s[m][p] = person.box().score() * salience(person, maxArea) * spatial[p];
      }
      for (CaptionMentions.Attribute a : mention.attributes()) {
        if (a.colours().isEmpty()) {
          continue;
        }
        float[] c = new float[people.size()];
        float best = 0;
        for (int p = 0; p < people.size(); p++) {
          c[p] = chooser.colourScore(scene, people.get(p), a.region(), a.colours(), a.tall());
          best = Math.max(best, c[p]);
        }
        for (int p = 0; p < people.size(); p++) {
          s[m][p] *= chooser.relativeColourFit(c[p], best);
        }
      }
    }
    return s;
  }

  /**
   * sqrt(area / largest area): a caption names the people one notices, so a far, small figure (or a
   * small false detection) must have much better colours to be chosen over a near one.
   */
  static float salience(Person p, float maxArea) {
    return maxArea > 0 ? (float) Math.sqrt(p.box().area() / maxArea) : 1;
  }

  /** The person index of each mention (-1 when there are no people). */
  public static int[] assign(float[][] scores, int people) {
    int n = scores.length;
    int[] best = new int[n];
    Arrays.fill(best, -1);
    if (people == 0 || n == 0) {
      return best;
    }
    int joint = Math.min(Math.min(n, MAX_JOINT), people);
    int[] current = new int[joint];
    double[] bestValue = {Double.NEGATIVE_INFINITY};
    search(scores, people, 0, joint, current, new boolean[people], 0, best, bestValue);
    for (int m = joint; m < n; m++) {
      best[m] = argmax(scores[m]);
    }
    return best;
  }

  private static void search(float[][] scores, int people, int m, int joint, int[] current, boolean[] used,
      double value, int[] best, double[] bestValue) {
    if (m == joint) {
      if (value > bestValue[0] + 1e-9) {
        bestValue[0] = value;
        System.arraycopy(current, 0, best, 0, joint);
      }
      return;
    }
    for (int p = 0; p < people; p++) {
      if (!used[p]) {
        used[p] = true;
        current[m] = p;
        search(scores, people, m + 1, joint, current, used, value + Math.log(Math.max(1e-6, scores[m][p])), best,
            bestValue);
        used[p] = false;
      }
    }
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
