package dev.groundstream.worker;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Test images (PNG bytes) and the committed tiny model folders. */
public final class TestFixtures {
  private TestFixtures() {}

  public static Path model(String name) {
    try {
      return Path.of(TestFixtures.class.getResource("/models/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] uniformPng(int width, int height, int gray) {
    return png(uniform(width, height, new Color(gray, gray, gray)));
  }

  public static BufferedImage uniform(int width, int height, Color color) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  public static BufferedImage withSquare(BufferedImage image, Color color, int x, int y, int size) {
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(x, y, size, size);
    g.dispose();
    return image;
  }

  public static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
