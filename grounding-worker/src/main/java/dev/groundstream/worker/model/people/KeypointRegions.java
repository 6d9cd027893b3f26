package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.ScoredBox;
import dev.groundstream.worker.ranker.PersonPart;

/**
 * Boxes of {@link BodyRegion}s of one {@link Person} from its keypoints (grounding-worker/docs/ranker.md,
 * "people model"): head from the face keypoints and the shoulder width, top = shoulders to hips,
 * dress = shoulders to knees, trousers = hips to ankles, shorts/skirt = hips to knees, shoes = around
 * the ankles, hat = above the head, arms = shoulders/elbows/wrists, hands = around the wrists.
 * Where the needed keypoints are not seen, the region falls back to the fixed fraction of the person
 * box ({@link PersonPart}). Every box is clipped to the image; never NaN.
 */
public final class KeypointRegions {
  private KeypointRegions() {}

  /** The region's primary box (the first of {@link #boxes}); {@code tall}: long hair, boots. */
  public static ScoredBox of(Person p, BodyRegion region, boolean tall, int imageW, int imageH, float score) {
    return boxes(p, region, tall, imageW, imageH, score).get(0);
  }

  /**
   * The region's boxes, best guess first: one box, except feet and hands, which give each seen side
   * alone (the better-seen side first) and then both together, because annotators box a pair either
   * way. Never empty; every box is clipped to the image and at least 1 px wide and high.
   */
  public static java.util.List<ScoredBox> boxes(Person p, BodyRegion region, boolean tall, int imageW, int imageH,
      float score) {
    java.util.List<ScoredBox> raw = new java.util.ArrayList<>();
    if (region == BodyRegion.FEET || region == BodyRegion.HANDS) {
      Keypoint a = region == BodyRegion.FEET ? Keypoint.LEFT_ANKLE : Keypoint.LEFT_WRIST;
      Keypoint b = region == BodyRegion.FEET ? Keypoint.RIGHT_ANKLE : Keypoint.RIGHT_WRIST;
      Keypoint first = p.confidence()[a.ordinal()] >= p.confidence()[b.ordinal()] ? a : b;
      Keypoint second = first == a ? b : a;
      for (Keypoint k : new Keypoint[] {first, second}) {
        ScoredBox one = region == BodyRegion.FEET ? foot(p, k, tall) : around(p, 0.35f, k);
        if (one != null) {
          raw.add(one);
        }
      }
      if (raw.size() == 2) {
        ScoredBox u = raw.get(0);
        ScoredBox v = raw.get(1);
        raw.add(new ScoredBox(Math.min(u.x1(), v.x1()), Math.min(u.y1(), v.y1()), Math.max(u.x2(), v.x2()),
            Math.max(u.y2(), v.y2()), 0));
      }
    } else {
      ScoredBox one = raw(p, region, tall);
      if (one != null) {
        raw.add(one);
      }
    }
    java.util.List<ScoredBox> out = new java.util.ArrayList<>();
    for (ScoredBox b : raw) {
      ScoredBox c = clip(b, imageW, imageH, score);
      if (c != null) {
        out.add(c);
      }
    }
    if (out.isEmpty()) {
      ScoredBox f = clip(PersonPart.valueOf(fallback(region).name()).of(p.box(), score), imageW, imageH, score);
      out.add(f != null ? f : new ScoredBox(0, 0, Math.max(1, imageW), Math.max(1, imageH), score));
    }
    return out;
  }

  private static ScoredBox clip(ScoredBox b, int imageW, int imageH, float score) {
    float x1 = clamp(b.x1(), imageW);
    float y1 = clamp(b.y1(), imageH);
    float x2 = clamp(b.x2(), imageW);
    float y2 = clamp(b.y2(), imageH);
    return x2 - x1 >= 1 && y2 - y1 >= 1 ? new ScoredBox(x1, y1, x2, y2, score) : null;
  }

  /** One shoe / boot / foot: around the ankle, sized by the person's height; boots reach up the shin. */
  private static ScoredBox foot(Person p, Keypoint ankle, boolean tall) {
    if (!p.seen(ankle)) {
      return null;
    }
    float h = p.box().y2() - p.box().y1();
    float x = p.x(ankle);
    float y = p.y(ankle);
    return new ScoredBox(x - 0.07f * h, y - (tall ? 0.13f : 0.05f) * h, x + 0.07f * h, y + 0.06f * h, 0);
  }

  private static PersonPart fallback(BodyRegion r) {
    return switch (r) {
      case HEAD, HAIR, HAT -> PersonPart.HEAD;
      case FACE -> PersonPart.FACE;
      case ARMS, HANDS -> PersonPart.HANDS;
      case LEGS, TROUSERS, SHORTS -> PersonPart.LOWER_BODY;
      case FEET -> PersonPart.FEET;
      case TOP, COAT -> PersonPart.UPPER_BODY;
      case DRESS, OUTFIT -> PersonPart.FULL_BODY;
    };
  }

  /** Head box [x1, y1, x2, y2] or null. */
  static float[] head(Person p) {
    Keypoint[] face = {Keypoint.NOSE, Keypoint.LEFT_EYE, Keypoint.RIGHT_EYE, Keypoint.LEFT_EAR, Keypoint.RIGHT_EAR};
    float sx = 0;
    float sy = 0;
    int n = 0;
    float minX = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    for (Keypoint k : face) {
      if (p.seen(k)) {
        sx += p.x(k);
        sy += p.y(k);
        minX = Math.min(minX, p.x(k));
        maxX = Math.max(maxX, p.x(k));
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    float cx = sx / n;
    float cy = sy / n;
    float shoulders = span(p, Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER);
    float width = Math.max(1.6f * (maxX - minX), 0.55f * shoulders);
    if (width < 4) {
      width = 0.6f * (p.box().x2() - p.box().x1());
    }
    float height = 1.3f * width;
    return new float[] {cx - width / 2, cy - 0.55f * height, cx + width / 2, cy + 0.45f * height};
  }

  private static ScoredBox raw(Person p, BodyRegion region, boolean tall) {
    float[] head = head(p);
    return switch (region) {
      case HEAD -> head == null ? null : box(head);
      case FACE -> head == null ? null : box(new float[] {head[0] + 0.12f * w(head), head[1] + 0.2f * h(head),
          head[2] - 0.12f * w(head), head[3]});
      case HAIR -> {
        if (head == null) {
          yield null;
        }
        float bottom = head[1] + 0.45f * h(head);
        if (tall && seenAll(p, Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER)) {
          bottom = Math.max(head[3], (p.y(Keypoint.LEFT_SHOULDER) + p.y(Keypoint.RIGHT_SHOULDER)) / 2 + 0.1f * h(head));
        }
        float pad = tall ? 0.15f * w(head) : 0.05f * w(head);
        yield box(new float[] {head[0] - pad, head[1] - 0.05f * h(head), head[2] + pad, bottom});
      }
      case HAT -> head == null ? null : box(new float[] {head[0], head[1] - 0.1f * h(head),
          head[2], head[1] + 0.5f * h(head)});
      case COAT -> span(p, 0.3f, 0.15f, 0.1f, new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER},
          new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER, Keypoint.LEFT_ELBOW, Keypoint.RIGHT_ELBOW,
              Keypoint.LEFT_WRIST, Keypoint.RIGHT_WRIST, Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP},
          new Keypoint[] {Keypoint.LEFT_KNEE, Keypoint.RIGHT_KNEE});
      case OUTFIT -> span(p, 0.15f, 0.15f, 0.08f, new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER},
          new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER, Keypoint.LEFT_ELBOW, Keypoint.RIGHT_ELBOW,
              Keypoint.LEFT_WRIST, Keypoint.RIGHT_WRIST, Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP, Keypoint.LEFT_KNEE,
              Keypoint.RIGHT_KNEE, Keypoint.LEFT_ANKLE, Keypoint.RIGHT_ANKLE},
          new Keypoint[] {Keypoint.LEFT_ANKLE, Keypoint.RIGHT_ANKLE});
      case TOP -> span(p, 0.25f, 0.15f, 0.1f, new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER},
          new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER, Keypoint.LEFT_ELBOW, Keypoint.RIGHT_ELBOW,
              Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP}, new Keypoint[] {Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP});
      case DRESS -> span(p, 0.2f, 0.08f, 0.1f, new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER},
          new Keypoint[] {Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER, Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP,
              Keypoint.LEFT_KNEE, Keypoint.RIGHT_KNEE}, new Keypoint[] {Keypoint.LEFT_KNEE, Keypoint.RIGHT_KNEE});
      case TROUSERS, LEGS -> span(p, 0.25f, 0.05f, 0.06f, new Keypoint[] {Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP},
          new Keypoint[] {Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP, Keypoint.LEFT_KNEE, Keypoint.RIGHT_KNEE,
              Keypoint.LEFT_ANKLE, Keypoint.RIGHT_ANKLE}, new Keypoint[] {Keypoint.LEFT_ANKLE, Keypoint.RIGHT_ANKLE});
      case SHORTS -> span(p, 0.3f, 0.08f, 0.15f, new Keypoint[] {Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP},
          new Keypoint[] {Keypoint.LEFT_HIP, Keypoint.RIGHT_HIP, Keypoint.LEFT_KNEE, Keypoint.RIGHT_KNEE},
          new Keypoint[] {Keypoint.LEFT_KNEE, Keypoint.RIGHT_KNEE});
      case ARMS -> around(p, 0.12f, Keypoint.LEFT_SHOULDER, Keypoint.RIGHT_SHOULDER, Keypoint.LEFT_ELBOW,
          Keypoint.RIGHT_ELBOW, Keypoint.LEFT_WRIST, Keypoint.RIGHT_WRIST);
      case HANDS -> around(p, 0.35f, Keypoint.LEFT_WRIST, Keypoint.RIGHT_WRIST);
      case FEET -> around(p, 0.3f, Keypoint.LEFT_ANKLE, Keypoint.RIGHT_ANKLE);
    };
  }

  /**
   * Box from the mean y of the top keypoints to the mean y of the bottom ones, x over the side
   * keypoints; widened by {@code padX} of its width, {@code padTop}/{@code padBottom} of its height.
   */
  private static ScoredBox span(Person p, float padX, float padTop, float padBottom, Keypoint[] top,
      Keypoint[] side, Keypoint[] bottom) {
    if (!seenAny(p, top)) {
      return null;
    }
    float y1 = meanY(p, top);
    // bottom keypoints not seen (cut by the border, hidden): the region runs to the person box bottom
    float y2 = seenAny(p, bottom) ? meanY(p, bottom) : p.box().y2();
    if (!(y2 > y1)) {
      return null;
    }
    float x1 = Float.MAX_VALUE;
    float x2 = -Float.MAX_VALUE;
    for (Keypoint k : side) {
      if (p.seen(k)) {
        x1 = Math.min(x1, p.x(k));
        x2 = Math.max(x2, p.x(k));
      }
    }
    float bw = Math.max(x2 - x1, 0.25f * (y2 - y1));
    float cx = (x1 + x2) / 2;
    float half = bw / 2 * (1 + 2 * padX);
    float hh = y2 - y1;
    float bottomPad = seenAny(p, bottom) ? padBottom * hh : 0;
    return new ScoredBox(cx - half, y1 - padTop * hh, cx + half, y2 + bottomPad, 0);
  }

  /** Box around the seen keypoints, widened by {@code pad} x the person's height scale. */
  private static ScoredBox around(Person p, float pad, Keypoint... ks) {
    float x1 = Float.MAX_VALUE;
    float y1 = Float.MAX_VALUE;
    float x2 = -Float.MAX_VALUE;
    float y2 = -Float.MAX_VALUE;
    int n = 0;
    for (Keypoint k : ks) {
      if (p.seen(k)) {
        x1 = Math.min(x1, p.x(k));
        y1 = Math.min(y1, p.y(k));
        x2 = Math.max(x2, p.x(k));
        y2 = Math.max(y2, p.y(k));
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    float scale = 0.25f * (p.box().y2() - p.box().y1());
    float m = pad * scale;
    return new ScoredBox(x1 - m, y1 - m, x2 + m, y2 + m, 0);
  }

  private static boolean seenAny(Person p, Keypoint[] ks) {
    for (Keypoint k : ks) {
      if (p.seen(k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean seenAll(Person p, Keypoint... ks) {
    for (Keypoint k : ks) {
      if (!p.seen(k)) {
        return false;
      }
    }
    return true;
  }

  private static float meanY(Person p, Keypoint[] ks) {
    float s = 0;
    int n = 0;
    for (Keypoint k : ks) {
      if (p.seen(k)) {
        s += p.y(k);
        n++;
      }
    }
    return s / n;
  }

  private static float span(Person p, Keypoint a, Keypoint b) {
    return p.seen(a) && p.seen(b) ? Math.abs(p.x(a) - p.x(b)) : 0;
  }

  private static ScoredBox box(float[] b) {
    return new ScoredBox(b[0], b[1], b[2], b[3], 0);
  }

  private static float w(float[] b) {
    return b[2] - b[0];
  }

  private static float h(float[] b) {
    return b[3] - b[1];
  }

  private static float clamp(float v, int max) {
    return Float.isFinite(v) ? Math.max(0, Math.min(max, v)) : 0;
  }
}
