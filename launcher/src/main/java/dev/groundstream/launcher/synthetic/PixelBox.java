package dev.groundstream.launcher.synthetic;

import dev.groundstream.avro.Box;

/**
 * The pixels a drawn shape covers, as 0-based indices of its first and last covered column and
 * row (both inclusive). That is exactly what the Flickr30k importer yields for a dataset box
 * after subtracting 1 from the 1-based XML values, so width = x2 - x1 as the reference
 * evaluators compute it (docs/architecture.md §5).
 */
public record PixelBox(int x1, int y1, int x2, int y2) {
  public PixelBox {
    if (x1 > x2 || y1 > y2) {
      throw new IllegalArgumentException("Empty box " + x1 + "," + y1 + "," + x2 + "," + y2);
    }
  }

  /** True if the two boxes, each grown by {@code gap} pixels, share any pixel. */
  public boolean near(PixelBox other, int gap) {
    return x1 - gap <= other.x2 && other.x1 - gap <= x2 && y1 - gap <= other.y2 && other.y1 - gap <= y2;
  }

  public PixelBox union(PixelBox other) {
    return new PixelBox(Math.min(x1, other.x1), Math.min(y1, other.y1), Math.max(x2, other.x2), Math.max(y2, other.y2));
  }

  public Box toAvro() {
    return Box.newBuilder().setX1(x1).setY1(y1).setX2(x2).setY2(y2).build();
  }
}
