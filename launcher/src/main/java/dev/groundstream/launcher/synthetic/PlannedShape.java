package dev.groundstream.launcher.synthetic;

import java.awt.Shape;

/** One object of a scene before drawing: its kind, colour and the square it is drawn in. */
public record PlannedShape(ShapeKind kind, ShapeColour colour, int left, int top, int size) {
  public Shape outline() {
    return kind.outline(left, top, size);
  }

  /** The square the outline lies in; drawn pixels never leave it. */
  public PixelBox square() {
    return new PixelBox(left, top, left + size, top + size);
  }
}
