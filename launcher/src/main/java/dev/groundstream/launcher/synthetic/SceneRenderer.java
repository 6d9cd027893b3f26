package dev.groundstream.launcher.synthetic;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a layout with Java2D (no anti-aliasing, so every pixel is either backdrop or exactly one
 * shape colour) and measures each object's box from the pixels it really covered: objects never
 * come near each other, so right after drawing one, every non-backdrop pixel around it is its own.
 * Measuring instead of computing from geometry keeps the boxes exact whatever the rasteriser's
 * edge rules are.
 */
public final class SceneRenderer {

  public RenderedScene render(SceneLayout layout) {
    BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(layout.backdrop().rgb());
      g.fillRect(0, 0, layout.width(), layout.height());
      // Compare RGB only: the top byte of a TYPE_INT_RGB pixel is unspecified (Java2D may leave alpha there).
      int backdrop = layout.backdrop().rgb().getRGB() & 0xFFFFFF;
      List<List<PixelBox>> boxes = new ArrayList<>();
      for (ShapeGroup group : layout.groups()) {
        List<PixelBox> groupBoxes = new ArrayList<>();
        for (PlannedShape shape : group.members()) {
          g.setColor(shape.colour().rgb());
          g.fill(shape.outline());
          groupBoxes.add(coveredPixels(image, shape, backdrop));
        }
        boxes.add(groupBoxes);
      }
      return new RenderedScene(PngEncoder.encode(image), boxes);
    } finally {
      g.dispose();
    }
  }

  private static PixelBox coveredPixels(BufferedImage image, PlannedShape shape, int backdrop) {
    Rectangle around = shape.outline().getBounds();
    around.grow(1, 1); // a pixel of slack for the rasteriser; the next object is GAP pixels away
    around = around.intersection(new Rectangle(image.getWidth(), image.getHeight()));
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData(); // getRGB per pixel is slow
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = around.y; y < around.y + around.height; y++) {
      for (int x = around.x; x < around.x + around.width; x++) {
        if ((pixels[y * image.getWidth() + x] & 0xFFFFFF) != backdrop) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      throw new IllegalStateException("Nothing drawn for " + shape);
    }
    return new PixelBox(minX, minY, maxX, maxY);
  }
}
