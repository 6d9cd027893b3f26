package dev.groundstream.launcher.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks a backdrop and 1-4 objects in 1-3 groups of distinct kind+colour (so every phrase names
 * exactly its own objects), and places them at random without overlap. All choices come from
 * the given random source, so the same source state gives the same layout.
 */
public final class LayoutPlanner {
  static final int MAX_OBJECTS = 4;
  static final int MAX_GROUPS = 3;
  static final int MIN_SIZE = 48;
  static final int MAX_SIZE = 140;
  /** Free pixels kept between the squares of two objects and to the image border. */
  static final int GAP = 12;
  private static final int ATTEMPTS_PER_SIZE = 200;

  private final int width;
  private final int height;

  public LayoutPlanner(int width, int height) {
    if (width < 4 * MAX_SIZE || height < 3 * MAX_SIZE) {
      throw new IllegalArgumentException("Scenes need at least " + 4 * MAX_SIZE + "x" + 3 * MAX_SIZE + " pixels");
    }
    this.width = width;
    this.height = height;
  }

  public SceneLayout plan(SplittableRandom random) {
    Backdrop backdrop = pick(Backdrop.values(), random);
    int objects = 1 + random.nextInt(MAX_OBJECTS);
    int groupCount = 1 + random.nextInt(Math.min(MAX_GROUPS, objects));
    int[] counts = splitCounts(objects, groupCount, random);
    Set<String> usedLooks = new HashSet<>();
    List<PixelBox> taken = new ArrayList<>();
    List<ShapeGroup> groups = new ArrayList<>();
    for (int count : counts) {
      ShapeKind kind;
      ShapeColour colour;
      do {
        kind = pick(ShapeKind.values(), random);
        colour = pick(ShapeColour.values(), random);
      } while (!usedLooks.add(kind + "/" + colour));
      List<PlannedShape> members = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        PlannedShape shape = place(kind, colour, taken, random);
        taken.add(shape.square());
        members.add(shape);
      }
      groups.add(new ShapeGroup(kind, colour, members));
    }
    return new SceneLayout(width, height, backdrop, groups);
  }

  /** {@code objects} split into {@code groups} counts of at least 1 each. */
  private static int[] splitCounts(int objects, int groups, SplittableRandom random) {
    int[] counts = new int[groups];
    Arrays.fill(counts, 1);
    for (int extra = objects - groups; extra > 0; extra--) {
      counts[random.nextInt(groups)]++;
    }
    return counts;
  }

  private PlannedShape place(ShapeKind kind, ShapeColour colour, List<PixelBox> taken, SplittableRandom random) {
    int size = MIN_SIZE + random.nextInt(MAX_SIZE - MIN_SIZE + 1);
    // Four squares of at most MAX_SIZE always fit in the minimum image; shrinking is a safety net.
    for (; size >= MIN_SIZE / 2; size = size * 4 / 5) {
      for (int attempt = 0; attempt < ATTEMPTS_PER_SIZE; attempt++) {
        int left = GAP + random.nextInt(width - size - 2 * GAP);
        int top = GAP + random.nextInt(height - size - 2 * GAP);
        PlannedShape candidate = new PlannedShape(kind, colour, left, top, size);
        if (taken.stream().noneMatch(box -> box.near(candidate.square(), GAP))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("No free place for a " + kind + " in " + width + "x" + height);
  }

  private static <T> T pick(T[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }
}
