package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.ScoredBox;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Colour words against region pixels in CIE Lab (D65). Each named colour has reference Lab values;
 * a region's score for a colour is the fraction of its sampled pixels whose nearest named colour
 * (Euclidean distance in Lab, i.e. CIE76 delta E) is that colour. "dark"/"light" compare lightness.
 * Pixels are read from the detector's input (stretched NHWC raw 0..255 RGB).
 */
public final class ColourWords {
  private static final Map<String, float[][]> NAMED = new LinkedHashMap<>();

  static {
    // sRGB references (several per name where the word covers a range), converted to Lab once
    put("red", rgb(200, 30, 30), rgb(150, 20, 30), rgb(230, 60, 50));
    put("orange", rgb(240, 130, 30), rgb(210, 100, 20));
    put("yellow", rgb(240, 220, 40), rgb(220, 190, 30));
    put("green", rgb(40, 150, 50), rgb(30, 90, 40), rgb(120, 180, 80));
    put("blue", rgb(30, 70, 200), rgb(30, 40, 120), rgb(90, 140, 220), rgb(60, 90, 150));
    put("purple", rgb(120, 40, 150), rgb(90, 30, 110), rgb(160, 90, 190));
    put("pink", rgb(240, 150, 190), rgb(220, 90, 150));
    put("brown", rgb(110, 70, 40), rgb(150, 100, 60), rgb(80, 50, 30));
    put("black", rgb(15, 15, 15), rgb(40, 40, 45));
    put("white", rgb(245, 245, 245), rgb(215, 215, 220));
    put("grey", rgb(128, 128, 128), rgb(90, 90, 95), rgb(170, 170, 170));
    put("beige", rgb(220, 200, 160));
  }

  private static final Map<String, String> SYNONYMS = Map.of("gray", "grey", "blond", "yellow", "blonde", "yellow",
      "golden", "yellow", "tan", "beige", "khaki", "beige", "navy", "blue", "maroon", "red", "silver", "grey",
      "violet", "purple");

  /** Pseudo-colour of blond hair: per pixel clamp((b* - 4) / 12) where 25 <= L* <= 85. */
  public static final String BLOND = "blond-hair";

  private ColourWords() {}

  /** The phrase's colour words in order (normalised names; "dark"/"light" included as such). */
  public static List<String> in(List<String> words) {
    return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).map(w -> SYNONYMS.getOrDefault(w, w))
        .filter(w -> NAMED.containsKey(w) || w.equals("dark") || w.equals("light")).toList();
  }

  /**
   * The colours a phrase says about {@code region}: {@link #in} plus what its nouns imply. Jeans
   * without a colour word are denim blue; on hair and heads, blond is {@link #BLOND} (blond hair in a
   * small, dim photo is yellowish brown, b* 8-18, not yellow; dark hair and grey pavement have b*
   * under 6) and bald means light (a bald head shows skin, lighter than hair).
   */
  public static List<String> about(BodyRegion region, List<String> words) {
    if (region == BodyRegion.HAIR || region == BodyRegion.HEAD) {
      List<String> out = new java.util.ArrayList<>();
      for (String w : words) {
        String l = w.toLowerCase(Locale.ROOT);
        if (l.equals("blond") || l.equals("blonde")) {
          out.add(BLOND);
        } else if (l.equals("bald") || l.equals("balding")) {
          out.add("light");
        } else {
          out.addAll(in(List.of(l)));
        }
      }
      return List.copyOf(out);
    }
    List<String> colours = in(words);
    if (colours.isEmpty() && region == BodyRegion.TROUSERS && words.contains("jeans")) {
      return List.of("blue");
    }
    return colours;
  }

  /**
   * Mean over {@code colours} of the region's score (0..1); empty when there are no colour words.
   * {@code toInput} maps the original-pixel box into the pixel buffer's grid.
   */
  public static Optional<Float> score(List<String> colours, FloatBuffer pixels, int srcW, int srcH,
      ScoredBox regionInSrc) {
    if (colours.isEmpty()) {
      return Optional.empty();
    }
    int x1 = Math.max(0, (int) Math.floor(regionInSrc.x1()));
    int y1 = Math.max(0, (int) Math.floor(regionInSrc.y1()));
    int x2 = Math.min(srcW, (int) Math.ceil(regionInSrc.x2()));
    int y2 = Math.min(srcH, (int) Math.ceil(regionInSrc.y2()));
    if (x2 <= x1 || y2 <= y1) {
      return Optional.of(0f);
    }
    int step = Math.max(1, (int) Math.sqrt((double) (x2 - x1) * (y2 - y1) / 900));
    Map<String, Integer> votes = new LinkedHashMap<>();
    int n = 0;
    double lightness = 0;
    double yellow = 0;
    Map<String, Double> graded = new LinkedHashMap<>();
    for (int y = y1; y < y2; y += step) {
      for (int x = x1; x < x2; x += step) {
        int i = (y * srcW + x) * 3;
        float[] lab = lab(pixels.get(i), pixels.get(i + 1), pixels.get(i + 2));
        votes.merge(nearest(lab), 1, Integer::sum);
        lightness += lab[0];
        for (String c : colours) {
          Float g = graded(c, lab);
          if (g != null) {
            graded.merge(c, (double) g, Double::sum);
          }
        }
        if (lab[0] >= 25 && lab[0] <= 85) {
          yellow += Math.max(0, Math.min(1, (lab[2] - 4) / 12));
        }
        n++;
      }
    }
    if (n == 0) {
      return Optional.of(0f);
    }
    float sum = 0;
    for (String c : colours) {
      if (graded.containsKey(c) || graded(c, new float[3]) != null) {
        sum += (float) (graded.getOrDefault(c, 0.0) / n);
      } else if (c.equals(BLOND)) {
        sum += (float) (yellow / n);
      } else if (c.equals("dark")) {
        sum += (float) Math.max(0, Math.min(1, (70 - lightness / n) / 50));
      } else if (c.equals("light")) {
        sum += (float) Math.max(0, Math.min(1, (lightness / n - 40) / 50));
      } else {
        sum += votes.getOrDefault(c, 0) / (float) n;
      }
    }
    return Optional.of(sum / colours.size());
  }

  /**
   * Graded per-pixel fit (0..1) of the common clothing colours, from the Lab values of the
   * hand-drawn clothing boxes of the group-photos dev split: dim "red and navy" fabric has a* 10-28
   * at L* 10-25, far from any bright red reference, but still reddish; denim is b* -8..-17 at L*
   * 35-55; black and dark clothes have L* under 20, grey ones low chroma. Null for the colours still
   * matched by the nearest reference.
   */
  static Float graded(String colour, float[] lab) {
    float l = lab[0];
    float a = lab[1];
    float b = lab[2];
    float chroma = (float) Math.hypot(a, b);
    return switch (colour) {
      case "red" -> clamp01((a - 5) / 15);
      case "blue" -> clamp01((-b - 3) / 10);
      case "black", "dark" -> clamp01((35 - l) / 25);
      case "white", "light" -> clamp01((l - 55) / 25);
      case "grey" -> clamp01((l - 8) / 15) * clamp01(1 - chroma / 12);
      case "brown" -> clamp01(Math.min(a, b) / 8) * clamp01((50 - l) / 20);
      default -> null;
    };
  }

  private static float clamp01(float v) {
    return Math.max(0, Math.min(1, v));
  }

  static String nearest(float[] lab) {
    String best = null;
    double bestD = Double.MAX_VALUE;
    for (Map.Entry<String, float[][]> e : NAMED.entrySet()) {
      for (float[] ref : e.getValue()) {
        double d = sq(lab[0] - ref[0]) + sq(lab[1] - ref[1]) + sq(lab[2] - ref[2]);
        if (d < bestD) {
          bestD = d;
          best = e.getKey();
        }
      }
    }
    return best;
  }

  /** sRGB 0..255 to CIE Lab (D65 white). */
  public static float[] lab(float r, float g, float b) {
    double rl = linear(r / 255.0);
    double gl = linear(g / 255.0);
    double bl = linear(b / 255.0);
    double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
    double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
    double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
    double fx = f(x);
    double fy = f(y);
    double fz = f(z);
    return new float[] {(float) (116 * fy - 16), (float) (500 * (fx - fy)), (float) (200 * (fy - fz))};
  }

  private static double linear(double c) {
    c = Math.max(0, Math.min(1, c));
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }

  private static double sq(double v) {
    return v * v;
  }

  private static float[] rgb(int r, int g, int b) {
    return lab(r, g, b);
  }

  private static void put(String name, float[]... refs) {
    NAMED.put(name, refs);
  }
}
