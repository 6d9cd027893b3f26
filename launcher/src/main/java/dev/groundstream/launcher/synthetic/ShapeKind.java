package dev.groundstream.launcher.synthetic;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** The simple objects a synthetic scene is made of, with the nouns the caption uses for them. */
public enum ShapeKind {
  CIRCLE("circle", "circles"),
  SQUARE("square", "squares"),
  TRIANGLE("triangle", "triangles"),
  STAR("star", "stars"),
  DIAMOND("diamond", "diamonds");

  private final String singular;
  private final String plural;

  ShapeKind(String singular, String plural) {
    this.singular = singular;
    this.plural = plural;
  }

  public String noun(int count) {
    return count == 1 ? singular : plural;
  }

  /**
   * The outline of this kind inside the square {@code [left, left+size) x [top, top+size)}.
   * Vertices sit on integers so the rasterised pixels do not depend on rounding of fractions.
   */
  public Shape outline(int left, int top, int size) {
    return switch (this) {
      case CIRCLE -> new Ellipse2D.Double(left, top, size, size);
      case SQUARE -> new Rectangle2D.Double(left, top, size, size);
      case TRIANGLE -> polygon(new int[] {left + size / 2, left + size, left},
          new int[] {top, top + size, top + size});
      case DIAMOND -> polygon(new int[] {left + size / 2, left + size, left + size / 2, left},
          new int[] {top, top + size / 2, top + size, top + size / 2});
      case STAR -> star(left, top, size);
    };
  }

  private static Shape star(int left, int top, int size) {
    // Five points: outer radius size/2, inner radius about 0.38 of it (a classic regular star).
    double cx = left + size / 2.0;
    double cy = top + size / 2.0;
    double outer = size / 2.0;
    double inner = outer * 0.382;
    int[] xs = new int[10];
    int[] ys = new int[10];
    for (int i = 0; i < 10; i++) {
      double radius = i % 2 == 0 ? outer : inner;
      double angle = -Math.PI / 2 + i * Math.PI / 5;
      xs[i] = (int) Math.round(cx + radius * Math.cos(angle));
      ys[i] = (int) Math.round(cy + radius * Math.sin(angle));
    }
    return polygon(xs, ys);
  }

  private static Shape polygon(int[] xs, int[] ys) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    path.closePath();
    return path;
  }
}
