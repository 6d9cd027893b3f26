package dev.groundstream.launcher.synthetic;

import java.awt.Color;

/**
 * Colours a shape can have. None of them is a backdrop colour, so every shape stands out from
 * its background pixel for pixel (the tests rely on it to find each shape's pixels).
 */
public enum ShapeColour {
  RED("red", new Color(220, 30, 30)),
  BLUE("blue", new Color(30, 60, 200)),
  YELLOW("yellow", new Color(250, 220, 20)),
  PURPLE("purple", new Color(130, 40, 160)),
  ORANGE("orange", new Color(250, 140, 0)),
  BLACK("black", new Color(20, 20, 20)),
  WHITE("white", new Color(250, 250, 250));

  private final String word;
  private final Color rgb;

  ShapeColour(String word, Color rgb) {
    this.word = word;
    this.rgb = rgb;
  }

  public String word() {
    return word;
  }

  public Color rgb() {
    return rgb;
  }
}
